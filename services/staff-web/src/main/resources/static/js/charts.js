// Dashboard v2: draws the charts with ECharts from /overblik/data and fills the tables beside them with the same figures.
(function () {
  var holder = document.querySelector('.charts[data-source]');
  if (!holder || !window.echarts) { return; }
  var palette = ['#1b5e8c', '#c2570c', '#2e7d32', '#6a1b9a', '#8d6e00', '#00838f', '#ad1457', '#455a64'];
  var number = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });

  function chart(id, option) {
    var element = document.getElementById(id);
    var instance = echarts.init(element, null, { renderer: 'svg', locale: 'EN' });
    option.color = palette;
    option.textStyle = { fontFamily: 'system-ui, sans-serif' };
    if (option.xAxis) { option.grid = Object.assign({ left: 8, right: 24, top: 36, bottom: 48, containLabel: true }, option.grid || {}); }
    option.tooltip = option.tooltip || { trigger: 'axis', renderMode: 'richText', valueFormatter: function (v) { return number.format(v); } };
    instance.setOption(option);
    window.addEventListener('resize', function () { instance.resize(); });
  }

  function table(id, head, rows) {
    var t = document.getElementById(id);
    var thead = t.createTHead().insertRow();
    head.forEach(function (h) { var th = document.createElement('th'); th.scope = 'col'; th.textContent = h; thead.appendChild(th); });
    var body = t.createTBody();
    rows.forEach(function (r) {
      var row = body.insertRow();
      r.forEach(function (v) { row.insertCell().textContent = typeof v === 'number' ? number.format(v) : v; });
    });
  }

  fetch(holder.getAttribute('data-source'), { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
    .then(function (r) { return r.json(); })
    .then(function (d) {
      // Booked hours as a share of the rooms' open hours: one bar per house and week.
      var series = d.use.map(function (c) {
        return { name: c.centre, type: 'bar', data: c.booked.map(function (b, i) { return c.open[i] > 0 ? Math.round(b / c.open[i] * 1000) / 10 : 0; }) };
      });
      chart('chart-use', { legend: { type: 'scroll', bottom: 0 }, grid: { bottom: 56 }, xAxis: { type: 'category', data: d.weeks },
        yAxis: { type: 'value', name: '% af åbne timer', axisLabel: { formatter: '{value} %' } }, series: series,
        tooltip: { trigger: 'axis', renderMode: 'richText', valueFormatter: function (v) { return number.format(v) + ' %'; } } });
      table('table-use', ['Hus'].concat(d.weeks), d.use.map(function (c) {
        return [c.centre].concat(c.booked.map(function (b, i) { return number.format(b) + ' af ' + number.format(c.open[i]); }));
      }));

      chart('chart-peak', { legend: { bottom: 0 }, xAxis: { type: 'category', data: d.periods }, yAxis: { type: 'value', name: 'timer' },
        series: [{ name: 'Travl tid', type: 'bar', stack: 't', data: d.peak }, { name: 'Øvrig tid', type: 'bar', stack: 't', data: d.offPeak }] });
      table('table-peak', ['Uge', 'Travl tid', 'Øvrig tid'], d.periods.map(function (p, i) { return [p, d.peak[i], d.offPeak[i]]; }));

      chart('chart-fair', { grid: { bottom: 40 }, xAxis: { type: 'value', name: 'timer' },
        yAxis: { type: 'category', data: d.partners.map(function (p) { return p.name; }), axisLabel: { width: 140, overflow: 'truncate' } },
        series: [{ name: 'Timer i alt', type: 'bar', data: d.partners.map(function (p) { return p.hours; }) },
                 { name: 'Heraf travl tid', type: 'bar', data: d.partners.map(function (p) { return p.peakHours; }) }], legend: { bottom: 0 } });
      table('table-fair', ['Aktør', 'Sektor', 'Timer', 'Travl tid'], d.partners.map(function (p) { return [p.name, p.sector, p.hours, p.peakHours]; }));

      var pie = function (id, data) {
        chart(id, { tooltip: { trigger: 'item', renderMode: 'richText' }, legend: { type: 'scroll', bottom: 0 },
          series: [{ type: 'pie', radius: ['35%', '65%'], data: data, label: { formatter: '{b}: {c}' } }] });
      };
      pie('chart-sector', d.sectors);
      table('table-sector', ['Sektor', 'Timer'], d.sectors.map(function (s) { return [s.name, s.value]; }));
      chart('chart-tg', { xAxis: { type: 'value', name: 'tilbud', minInterval: 1 },
        yAxis: { type: 'category', data: d.targetGroups.map(function (g) { return g.name; }), inverse: true },
        series: [{ name: 'Aktive tilbud', type: 'bar', data: d.targetGroups.map(function (g) { return g.value; }) }] });
      table('table-tg', ['Målgruppe', 'Aktive tilbud'], d.targetGroups.map(function (g) { return [g.name, g.value]; }));
      pie('chart-ps', d.partnerSectors);
      table('table-ps', ['Sektor', 'Aktive aktører'], d.partnerSectors.map(function (s) { return [s.name, s.value]; }));
      var lines = function (id, tableId, first, rows) {
        chart(id, { legend: { type: 'scroll', bottom: 0 }, grid: { bottom: 56 }, xAxis: { type: 'category', data: d.offerWeeks },
          yAxis: { type: 'value', name: 'tilbud', minInterval: 1 },
          series: rows.map(function (r) { return { name: r.name, type: 'line', data: r.counts, symbolSize: 6 }; }) });
        table(tableId, [first].concat(d.offerWeeks), rows.map(function (r) { return [r.name].concat(r.counts); }));
      };
      lines('chart-tg-time', 'table-tg-time', 'Målgruppe', d.offersByTargetGroup);
      lines('chart-sector-time', 'table-sector-time', 'Sektor', d.offersBySector);
      var flow = d.referralsByTargetGroup || [];
      chart('chart-referrals', { legend: { bottom: 0 }, grid: { bottom: 56 },
        xAxis: { type: 'category', data: flow.map(function (r) { return r.label; }), axisLabel: { interval: 0, overflow: 'truncate', width: 90 } },
        yAxis: { type: 'value', name: 'henvisninger', minInterval: 1 },
        series: [{ name: 'Sendt', type: 'bar', data: flow.map(function (r) { return r.sent; }) },
                 { name: 'Accepteret', type: 'bar', data: flow.map(function (r) { return r.accepted; }) },
                 { name: 'Afvist', type: 'bar', data: flow.map(function (r) { return r.declined; }) },
                 { name: 'Afsluttet', type: 'bar', data: flow.map(function (r) { return r.completed; }) },
                 { name: 'Over fristen nu', type: 'bar', data: flow.map(function (r) { return r.overdue; }) }] });
      var rows = function (list) {
        return list.map(function (r) {
          return [r.label, r.sent, r.accepted, r.declined, r.completed, r.overdue,
            r.medianHoursToFirstContact === null || r.medianHoursToFirstContact === undefined ? '–' : number.format(r.medianHoursToFirstContact) + ' t'];
        });
      };
      var head = ['Sendt', 'Accepteret', 'Afvist', 'Afsluttet', 'Over fristen nu', 'Tid til første kontakt (median)'];
      table('table-referrals', ['Målgruppe'].concat(head), rows(flow));
      table('table-referrals-partner', ['Modtager'].concat(head), rows(d.referralsByRecipient || []));
      holder.setAttribute('data-ready', 'true');
    });
})();
