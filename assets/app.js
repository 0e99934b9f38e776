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
