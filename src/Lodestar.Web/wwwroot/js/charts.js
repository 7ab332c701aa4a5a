// Every chart on a page: a <canvas data-chart="{json}"> (the Content-Security-Policy allows no inline
// script, so the page gives the data in the attribute). A canvas marked data-chart-script is left to its
// page's own script, which draws it through window.lodestarCharts.draw with the same options. The JSON: unit,
// labels, series of {label, data, kind}, where kind is "value" (the council's own figures, solid), "target"
// (dashed), "england", "neighbours" (dotted), and band {label, lower, upper} shaded between two lines (the
// middle half of councils), max (a shared scale for small multiples), title, and joinBenchmarks (the yearly
// England, neighbour, target and quartile points on a monthly chart joined across the months between). Null
// values are gaps ("no data", never 0). Each canvas carries an aria-label and the page gives the same
// numbers in a table beside it: the chart is never the only way to read them.
(function () {
    'use strict';

    if (typeof window.Chart === 'undefined') {
        return;
    }

    // GOV.UK Frontend's palette: blue, green, orange, purple, red, turquoise, pink, brown, dark grey.
    var colours = ['#1d70b8', '#00703c', '#f47738', '#4c2c92', '#d4351c', '#28a197', '#d53880', '#b58840', '#505a5f'];
    var styles = {
        value: { colour: '#1d70b8', dash: [], width: 3, points: 3 },
        target: { colour: '#d4351c', dash: [8, 4], width: 2, points: 0 },
        england: { colour: '#0b0c0c', dash: [2, 3], width: 2, points: 2 },
        neighbours: { colour: '#f47738', dash: [2, 3], width: 2, points: 2 }
    };

    function render(canvas) {
        var chart = JSON.parse(canvas.getAttribute('data-chart') || '{}');
        var datasets = [];
        if (chart.band) {
            // Two invisible lines, the upper filled down to the lower.
            // On a monthly chart the yearly quartiles sit on each March, joined across the months between.
            var joined = !!chart.joinBenchmarks;
            datasets.push({ label: chart.band.label + ' (lower)', data: chart.band.lower, borderWidth: 0, pointRadius: 0, spanGaps: joined, fill: false, lodestarBand: true });
            datasets.push({ label: chart.band.label, data: chart.band.upper, borderWidth: 0, pointRadius: 0, spanGaps: joined, fill: '-1', backgroundColor: 'rgba(80, 90, 95, 0.15)' });
        }

        (chart.series || []).forEach(function (set, i) {
            var style = styles[set.kind] || { colour: colours[i % colours.length], dash: [], width: 2, points: 2 };
            datasets.push({
                label: set.label,
                data: set.data,
                borderColor: style.colour,
                backgroundColor: style.colour,
                borderDash: style.dash,
                borderWidth: style.width,
                pointRadius: style.points,
                // Yearly DfE figures and targets on a monthly chart sit on each March: joined across the months between.
                spanGaps: !!chart.joinBenchmarks && (set.kind === 'england' || set.kind === 'neighbours' || set.kind === 'target'),
                fill: false
            });
        });

        draw(canvas, chart.labels, datasets, { title: chart.title, unit: chart.unit, max: chart.max, beginAtZero: true });
    }

    // One line chart as every Lodestar page draws it: no animation, the canvas's height kept, the tooltip
    // across every line at a point, band helper lines (lodestarBand) out of the legend, the y axis titled.
    function draw(canvas, labels, datasets, options) {
        new window.Chart(canvas, {
            type: 'line',
            data: { labels: labels || [], datasets: datasets },
            options: {
                animation: false,
                responsive: true,
                maintainAspectRatio: false,
                interaction: { mode: 'index', intersect: false },
                plugins: {
                    legend: {
                        display: datasets.length > 1,
                        labels: { filter: function (item, data) { return !data.datasets[item.datasetIndex].lodestarBand; } }
                    },
                    title: { display: !!options.title, text: options.title || '' }
                },
                scales: {
                    y: { beginAtZero: options.beginAtZero, suggestedMax: options.max, title: { display: !!options.unit, text: options.unit || '' } }
                }
            }
        });
        canvas.setAttribute('data-rendered', 'true');
    }

    // For a page's own chart script (the forecast's fan chart), loaded after this one.
    window.lodestarCharts = { draw: draw };
    Array.prototype.forEach.call(document.querySelectorAll('canvas[data-chart]:not([data-chart-script])'), render);
}());
