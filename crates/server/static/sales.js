// The sale form shows its total while quantities are typed (the server computes the real one).
// The form works without this script.
document.addEventListener("DOMContentLoaded", () => {
  const total = document.getElementById("sale-total");
  if (total) {
    const form = document.getElementById("sale-form");
    const locale = { nl: "nl-BE", fr: "fr-BE", en: "en-IE" }[total.dataset.locale] || "nl-BE";
    const euro = (cents) => {
      const amount = (cents / 100).toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      return total.dataset.locale === "en" ? `€${amount}` : `€ ${amount}`;
    };
    const update = () => {
      let cents = 0;
      for (const field of form.querySelectorAll("input.quantity")) {
        const quantity = Number.parseInt(field.value, 10);
        if (quantity > 0) cents += quantity * Number(field.dataset.price);
      }
      total.textContent = euro(cents);
    };
    form.addEventListener("input", update);
    total.closest("[hidden]")?.removeAttribute("hidden");
    update();
  }
});
