// Progressive enhancement: GOV.UK components, the copy-link button and the Plotly radar.
// Everything works without this file; no inline script anywhere (CSP script-src 'self').
import { initAll } from "../vendor/govuk/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();

for (const button of document.querySelectorAll("[data-copy-target]")) {
  const input = document.getElementById(button.dataset.copyTarget);
  const status = button.closest(".govuk-form-group")?.querySelector("[data-copy-status]");
  if (!input || !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(input.value);
      if (status) status.textContent = button.dataset.copiedText;
    } catch {
      input.select();
    }
  });
}

const charts = document.querySelectorAll("[data-plotly]");
if (charts.length) {
  const script = document.createElement("script");
  script.src = charts[0].dataset.plotlySrc;
  script.addEventListener("load", () => {
    for (const el of charts) {
      const figure = JSON.parse(document.getElementById(el.dataset.plotly).textContent);
      window.Plotly.newPlot(el, figure.data, figure.layout, figure.config);
    }
  });
  document.head.appendChild(script);
}
