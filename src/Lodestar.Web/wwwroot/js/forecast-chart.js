// The forecast page's fan chart. The page gives the data in the canvas's data-chart attribute (JSON:
// labels, history, median, lower80/upper80, lower95/upper95, scenarios [{label, data}], targets); null
// values are gaps. The intervals are bands filled between their lower and upper lines. Drawn through
// charts.js's window.lodestarCharts.draw, so every chart shares one set of Chart.js options.
(function () {
    'use strict';

    var canvas = document.getElementById('forecast-chart');
    if (!canvas || !window.lodestarCharts) {
        return;
    }

    var chart = JSON.parse(canvas.getAttribute('data-chart') || '{}');
    var blue = '#1d70b8';
    var line = function (label, data, colour, extra) {
        var set = { label: label, data: data || [], borderColor: colour, backgroundColor: colour, borderWidth: 2, pointRadius: 0, spanGaps: false, fill: false };
        return Object.assign(set, extra || {});
    };
    var datasets = [
        line('95% interval (lower)', chart.lower95, 'rgba(29, 112, 184, 0)', { borderWidth: 0, lodestarBand: true }),
        line('95% interval', chart.upper95, 'rgba(29, 112, 184, 0)', { borderWidth: 0, fill: '-1', backgroundColor: 'rgba(29, 112, 184, 0.15)' }),
        line('80% interval (lower)', chart.lower80, 'rgba(29, 112, 184, 0)', { borderWidth: 0, lodestarBand: true }),
        line('80% interval', chart.upper80, 'rgba(29, 112, 184, 0)', { borderWidth: 0, fill: '-1', backgroundColor: 'rgba(29, 112, 184, 0.3)' }),
        line('Forecast (median)', chart.median, blue, { borderDash: [6, 4] }),
        line('Children looked after (returns)', chart.history, '#0b0c0c')
    ];
    // GOV.UK Frontend's palette for the scenarios: green, orange, purple, red, turquoise, pink.
    var colours = ['#00703c', '#f47738', '#4c2c92', '#d4351c', '#28a197', '#d53880'];
    (chart.scenarios || []).forEach(function (s, i) {
        datasets.push(line(s.label, s.data, colours[i % colours.length]));
    });
    datasets.push(line('Action plan target', chart.targets, '#d4351c', { showLine: false, pointRadius: 6, pointStyle: 'rectRot' }));

    window.lodestarCharts.draw(canvas, chart.labels, datasets, { unit: 'Children looked after', beginAtZero: false });
}());
