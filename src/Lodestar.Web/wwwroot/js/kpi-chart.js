// The KPI page's monthly line chart. The page gives the data in the canvas's data-chart attribute
// (JSON: unit, labels, datasets of {label, data}); null values are gaps ("no data", never 0).
(function () {
    'use strict';

    var canvas = document.getElementById('kpi-chart');
    if (!canvas || typeof window.Chart === 'undefined') {
        return;
    }

    var chart = JSON.parse(canvas.getAttribute('data-chart') || '{}');
    // GOV.UK Frontend's palette: blue, green, orange, purple, red, turquoise, pink, brown, dark grey.
    var colours = ['#1d70b8', '#00703c', '#f47738', '#4c2c92', '#d4351c', '#28a197', '#d53880', '#b58840', '#505a5f'];
    var datasets = (chart.datasets || []).map(function (set, i) {
        var colour = colours[i % colours.length];
        return {
            label: set.label,
            data: set.data,
            borderColor: colour,
            backgroundColor: colour,
            borderWidth: 2,
            pointRadius: 2,
            spanGaps: false
        };
    });

    new window.Chart(canvas, {
        type: 'line',
        data: { labels: chart.labels || [], datasets: datasets },
        options: {
            animation: false,
            responsive: true,
            maintainAspectRatio: false,
            interaction: { mode: 'index', intersect: false },
            plugins: { legend: { display: datasets.length > 1 } },
            scales: {
                y: { beginAtZero: true, title: { display: true, text: chart.unit || '' } }
            }
        }
    });
    canvas.setAttribute('data-rendered', 'true');
}());
