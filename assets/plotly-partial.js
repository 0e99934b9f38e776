// A partial plotly.js for the interactive dashboards: the core plus only the trace types they
// draw (scatter is part of the core). Built by `npm run build:plotly` into
// ../static/vendor/plotly-partial.min.js; pages that need it load that file themselves.
import Plotly from "plotly.js/lib/core";
import bar from "plotly.js/lib/bar";
import scatterpolar from "plotly.js/lib/scatterpolar";

Plotly.register([bar, scatterpolar]);
window.Plotly = Plotly;
