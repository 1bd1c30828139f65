/**
 * The page's script, run in the browser after d3 and Observable Plot: it
 * reads the embedded chart data, draws every chart in its language, and
 * switches language. Plain ES2017 in a string, since it runs in the page,
 * not in Node; the data arrives as JSON, never pasted into code.
 */
export const reportClientScript = String.raw`(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('probity-data').textContent);
  var colours = { flagged: '#b3261e', watch: '#b35c00', clear: '#7c8796', insufficient_data: '#c3c9d1' };
  var statuses = ['flagged', 'watch', 'clear', 'insufficient_data'];
  function numberFormat(lang, digits) {
    var f = new Intl.NumberFormat(lang, { maximumFractionDigits: digits });
    return function (x) { return f.format(x); };
  }
  function probability(lang) {
    var sci = new Intl.NumberFormat(lang, { notation: 'scientific', maximumSignificantDigits: 2 });
    var plain = new Intl.NumberFormat(lang, { maximumSignificantDigits: 2 });
    return function (x) {
      if (x === null || x === undefined || !isFinite(x)) return '—';
      return x !== 0 && x < 0.001 ? sci.format(x) : plain.format(x);
    };
  }
  function fill(template, vars) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole;
    });
  }
  function finite(x) { return typeof x === 'number' && isFinite(x); }
  function extent(values) {
    var lo = Infinity, hi = -Infinity;
    values.forEach(function (v) { if (finite(v)) { if (v < lo) lo = v; if (v > hi) hi = v; } });
    return [lo, hi];
  }
  function labelMargin(labels) {
    var longest = labels.reduce(function (m, s) { return Math.max(m, String(s).length); }, 0);
    return Math.min(280, Math.max(70, Math.round(longest * 7) + 16));
  }
  var draw = {
    funnel: function (spec, lang, text, width) {
      var nf = numberFormat(lang, 2);
      var pq = probability(lang);
      var ys = spec.points.map(function (p) { return p.y; }).concat([spec.target]);
      var xr = extent(spec.points.map(function (p) { return p.x; }));
      // Show the limits where most units are (from the lower quartile of volume on), not
      // where they shoot up at the smallest volumes and would squash the dots.
      var xs = spec.points.map(function (p) { return p.x; }).sort(function (a, b) { return a - b; });
      var xq = xs[Math.floor(xs.length / 4)];
      var near = spec.limits.filter(function (l) { return l.x >= xq; })[0];
      if (near) ys = ys.concat([near.lower998, near.upper998]);
      var yr = extent(ys);
      var pad = (yr[1] - yr[0]) * 0.06 || 0.5;
      var lo = spec.scale === 'ratio' ? Math.max(0, yr[0] - pad) : yr[0] - pad;
      var limits = spec.limits.filter(function (l) { return l.x >= xr[0] * 0.9 && l.x <= xr[1] * 1.05; });
      function limit(key, dash, strokeWidth) {
        return Plot.line(limits, { x: 'x', y: key, stroke: '#3d4654', strokeWidth: strokeWidth, strokeDasharray: dash, clip: true });
      }
      return Plot.plot({
        width: width, height: 300, marginLeft: 48, marginBottom: 44,
        ariaLabel: spec.labels[lang].aria,
        style: { fontSize: '12px', background: 'transparent' },
        x: { label: spec.labels[lang].x, labelAnchor: 'right', labelArrow: 'none', tickFormat: nf, nice: true },
        y: { label: spec.labels[lang].y, labelArrow: 'none', domain: [lo, yr[1] + pad], tickFormat: nf, grid: true },
        marks: [
          Plot.ruleY([spec.target], { stroke: '#1b2430', strokeWidth: 1.5 }),
          limit('upper95', '5,4', 1.2), limit('lower95', '5,4', 1.2),
          limit('upper998', null, 1.4), limit('lower998', null, 1.4),
          Plot.dot(spec.points, {
            x: 'x', y: 'y', r: function (d) { return d.status === 'clear' ? 2.6 : 4; },
            fill: function (d) { return colours[d.status] || colours.clear; },
            stroke: '#ffffff', strokeWidth: 0.6,
            title: function (d) {
              return fill(text.funnel_point_title, { unit: d.unit, x: nf(d.x), y: nf(d.y), q: pq(d.q) }) +
                '\n' + (text['status_' + d.status] || d.status);
            }
          })
        ]
      });
    },
    status: function (spec, lang, text, width) {
      var nf = numberFormat(lang, 0);
      var rows = spec.rows.map(function (r) {
        return { kind: text['kind_' + r.kind] || r.kind, status: text['status_' + r.status] || r.status, key: r.status, count: r.count };
      });
      var kinds = rows.map(function (r) { return r.kind; }).filter(function (k, i, a) { return a.indexOf(k) === i; });
      return Plot.plot({
        width: width, height: 60 + kinds.length * 92,
        marginLeft: labelMargin(rows.map(function (r) { return r.status; })), marginRight: 56,
        ariaLabel: spec.labels[lang].aria,
        style: { fontSize: '12px', background: 'transparent' },
        x: { label: null, axis: null },
        y: { label: null, domain: statuses.map(function (s) { return text['status_' + s] || s; }) },
        fy: { label: null, domain: kinds, axis: null },
        marks: [
          Plot.barX(rows, { x: 'count', y: 'status', fy: 'kind', fill: function (d) { return colours[d.key]; } }),
          Plot.text(rows, { x: 'count', y: 'status', fy: 'kind', text: function (d) { return nf(d.count); }, dx: 4, textAnchor: 'start', fill: '#1b2430' }),
          Plot.frame({ anchor: 'left', stroke: '#9aa3ae' }),
          // The kind's name inside its panel, top right, where the short bars leave room.
          Plot.text(kinds, { fy: function (d) { return d; }, text: function (d) { return d; }, frameAnchor: 'top-right', fontWeight: 'bold', fontSize: 13, fill: '#1b2430' })
        ]
      });
    },
    bars: function (spec, lang, text, width) {
      var big = spec.rows.some(function (r) { return Math.abs(r.value) >= 100000; });
      // Millions read better as "24.5M" than as eight digits crowding the axis.
      var nf = big
        ? (function () { var f = new Intl.NumberFormat(lang, { notation: 'compact', maximumSignificantDigits: 3 }); return function (x) { return f.format(x); }; })()
        : numberFormat(lang, 1);
      var rows = spec.rows.map(function (r) {
        return { label: r.label[lang], value: r.value, extra: r.extra, group: r.group ? r.group[lang] : null };
      });
      var hasExtra = rows.some(function (r) { return finite(r.extra); });
      var marks = [
        Plot.barX(rows, { x: 'value', y: 'label', fill: '#2f5f8a', sort: spec.keepOrder ? null : { y: '-x' } }),
        Plot.text(rows, { x: 'value', y: 'label', text: function (d) { return nf(d.value); }, dx: 4, textAnchor: 'start', fill: '#1b2430' }),
        Plot.ruleX([0], { stroke: '#1b2430' })
      ];
      if (hasExtra) {
        marks.push(Plot.tickX(rows.filter(function (r) { return finite(r.extra); }), { x: 'extra', y: 'label', stroke: '#b35c00', strokeWidth: 3 }));
      }
      return Plot.plot({
        width: width, height: 56 + rows.length * 24, marginBottom: 44, marginLeft: labelMargin(rows.map(function (r) { return r.label; })), marginRight: 56,
        ariaLabel: spec.labels[lang].aria,
        style: { fontSize: '12px', background: 'transparent' },
        x: { label: spec.labels[lang].x, labelAnchor: 'right', labelArrow: 'none', tickFormat: nf, grid: true },
        y: { label: null, type: 'band', domain: spec.keepOrder ? rows.map(function (r) { return r.label; }) : undefined },
        marks: marks
      });
    },
    scatter: function (spec, lang, text, width) {
      var nf = numberFormat(lang, 2);
      var xr = extent(spec.points.map(function (p) { return p.x; }));
      var marks = [
        Plot.ruleY([0], { stroke: '#9aa3ae' }),
        Plot.dot(spec.points, {
          x: 'x', y: 'y', r: 3.5, fill: '#2f5f8a', fillOpacity: 0.75,
          title: function (d) { return d.label + '\nx = ' + nf(d.x) + '\ny = ' + nf(d.y); }
        })
      ];
      if (spec.line && isFinite(xr[0])) {
        var line = [xr[0], xr[1]].map(function (x) { return { x: x, y: spec.line.intercept + spec.line.slope * x }; });
        marks.push(Plot.line(line, { x: 'x', y: 'y', stroke: '#b3261e', strokeWidth: 2 }));
      }
      return Plot.plot({
        width: width, height: 320, marginLeft: 52, marginBottom: 44,
        ariaLabel: spec.labels[lang].aria,
        style: { fontSize: '12px', background: 'transparent' },
        x: { label: spec.labels[lang].x, labelAnchor: 'right', labelArrow: 'none', tickFormat: nf, grid: true },
        y: { label: spec.labels[lang].y, labelArrow: 'none', tickFormat: nf, grid: true },
        marks: marks
      });
    }
  };
  function render(root) {
    if (root.getAttribute('data-drawn') === 'yes') return;
    var lang = root.getAttribute('data-lang');
    var text = data.text[lang];
    root.querySelectorAll('[data-chart]').forEach(function (el) {
      var spec = data.charts[Number(el.getAttribute('data-chart'))];
      var width = Math.max(320, Math.min(el.clientWidth || 640, 900));
      try {
        var chart = draw[spec.type](spec, lang, text, width);
        chart.setAttribute('aria-hidden', 'true');
        el.replaceChildren(chart);
      } catch (error) {
        el.textContent = text.chart_failed || String(error);
        console.error(error);
      }
    });
    root.setAttribute('data-drawn', 'yes');
  }
  function setLanguage(lang) {
    document.querySelectorAll('[data-lang]').forEach(function (root) {
      var on = root.getAttribute('data-lang') === lang;
      root.hidden = !on;
      if (on) {
        document.documentElement.lang = lang;
        document.title = root.getAttribute('data-title');
        render(root);
      }
    });
  }
  document.querySelectorAll('[data-switch-to]').forEach(function (button) {
    button.addEventListener('click', function () {
      var lang = button.getAttribute('data-switch-to');
      setLanguage(lang);
      if (history.replaceState) history.replaceState(null, '', '#' + lang);
      var target = document.querySelector('[data-lang="' + lang + '"] [data-switch-to]');
      if (target) target.focus();
    });
  });
  var wanted = (location.hash || '').slice(1);
  setLanguage(data.text[wanted] ? wanted : 'en');
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('[data-lang]').forEach(render);
  });
})();`;
