// Writes plotly.js's own style rules (which it would otherwise inject as a <style> element,
// blocked by the app's CSP style-src 'self') to ../static/vendor/plotly-partial.css. A page
// links it as <link id="plotly.js-style-global" class="no-inline-styles" rel="stylesheet">:
// plotly.js then skips its injection (src/lib/dom.js, addRelatedStyleRule).
import { readFileSync, writeFileSync } from "node:fs";

const source = readFileSync("node_modules/plotly.js/build/plotcss.js", "utf8");
const literal = source.slice(source.indexOf("var rules = ") + 12, source.indexOf("};") + 1);
// The object literal ends with a trailing comma: evaluate it (a file of our own dependency).
const rules = new Function(`return ${literal}`)();
const css = Object.entries(rules)
  .map(([selector, body]) => {
    const full = selector
      .replace(/^,/, " ,")
      .replace(/X/g, ".js-plotly-plot .plotly")
      .replace(/Y/g, ".plotly-notifier");
    return `${full}{${body}}`;
  })
  .join("\n");
writeFileSync("../static/vendor/plotly-partial.css", `/* plotly.js style rules (MIT licence) */\n${css}\n`);
console.log(`plotly-partial.css: ${Object.keys(rules).length} rules`);
