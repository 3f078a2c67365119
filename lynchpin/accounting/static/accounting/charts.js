// The accounting charts page: draws the three charts from the JSON the page embeds
// (<script id="accounting-charts" type="application/json">) with the vendored Chart.js.
// Amounts arrive as exact decimal strings; they become numbers here for drawing only.
"use strict";

(function () {
  const COLOURS = ["#1f6feb", "#b35900", "#2f7d32", "#8250df"];

  function datasets(chart, kind) {
    return chart.series.map((series, index) => ({
      label: series.label,
      data: series.values.map((value) => (value === null ? null : Number(value))),
      borderColor: COLOURS[index % COLOURS.length],
      backgroundColor: COLOURS[index % COLOURS.length],
      borderDash: series.label === "Plan" || series.label === "Budget" ? [6, 4] : [],
      fill: false,
      tension: 0,
      pointRadius: kind === "line" ? 2 : undefined,
    }));
  }

  function draw(id, chart, kind, currency) {
    const canvas = document.getElementById(id);
    if (!canvas || !window.Chart) { return; }
    // eslint-disable-next-line no-new
    new window.Chart(canvas, {
      type: kind,
      data: { labels: chart.labels, datasets: datasets(chart, kind) },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: "index", intersect: false },
        scales: { y: { beginAtZero: true, title: { display: true, text: currency } } },
      },
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    const source = document.getElementById("accounting-charts");
    if (!source) { return; }
    const data = JSON.parse(source.textContent);
    [["burn", "line"], ["efc", "line"], ["spend", "bar"]].forEach(([name, kind]) => {
      const note = document.querySelector(`[data-note="${name}"]`);
      if (note) { note.textContent = data[name].note; }
      draw(`chart-${name}`, data[name], kind, data.currency);
    });
  });
}());
