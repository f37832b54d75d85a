// Small enhancements only; every page works without this script.
document.addEventListener("DOMContentLoaded", () => {
  // After a failed form, take the keyboard and screen reader to the list of errors.
  const summary = document.querySelector("[data-autofocus]");
  if (summary) summary.focus();
});
