// PLACEHOLDER — the taskpane UI worker replaces this file.
const root = document.getElementById("container");
if (root) root.textContent = "XSG";
