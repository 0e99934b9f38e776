// Progressive enhancement: GOV.UK components and the copy-link button.
// Everything works without this file; no inline script anywhere (CSP script-src 'self').
// Bundled into static/js/app.js (npm run build:js): one file under one content-hashed URL, so a
// repeat visit asks for nothing (a relative import would fetch an unversioned URL each time).
import { initAll } from "govuk-frontend";

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

// Interactive trend charts (the ledger's team pages): the figure is JSON in a
// <script type="application/json"> block named by data-figure; the table beside each chart
// gives the same figures, so without this script (or without plotly.js) nothing is lost.
for (const plot of document.querySelectorAll("[data-figure]")) {
  const source = document.getElementById(plot.dataset.figure);
  if (!window.Plotly || !source) continue;
  try {
    const figure = JSON.parse(source.textContent);
    plot.hidden = false;
    window.Plotly.newPlot(plot, figure.data, figure.layout, figure.config);
  } catch {
    plot.hidden = true; // the table is still there
  }
}

// Live workshop panels (facilitator and projector views): ask every 2.5 s whether anything
// changed (If-None-Match: 304 when not), and swap the panel's server-rendered HTML if so.
for (const panel of document.querySelectorAll("[data-live]")) {
  let version = panel.dataset.liveVersion;
  const poll = async () => {
    try {
      const response = await fetch(panel.dataset.live, {
        headers: { "If-None-Match": `"${version}"`, Accept: "application/json" },
        credentials: "same-origin",
      });
      if (response.status === 200) {
        const data = await response.json();
        version = data.version;
        panel.innerHTML = data.html;
      }
    } catch {
      // A dropped Wi-Fi: try again at the next tick.
    }
    setTimeout(poll, document.hidden ? 10000 : 2500);
  };
  setTimeout(poll, 2500);
}
