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

  function figure(id, value) {
    var element = document.getElementById(id);
    if (element) { element.textContent = number.format(value || 0); }
  }

  // Samarbejdets kortlægning: collaborations by form and sector, meetings, decisions, action items and the partner network.
  function mapping(d) {
    if (!document.getElementById('chart-forms')) { return; }
    var months = d.mappingMonths || [];
    var items = d.actionItems || {};
    figure('fig-collaborations', d.collaborationsNow);
    figure('fig-meetings-held', d.meetingsHeldInAll);
    figure('fig-items-open', items.open);
    figure('fig-items-overdue', items.overdue);

    var byForm = d.collaborationsByForm || [];
    chart('chart-forms', { legend: { type: 'scroll', bottom: 0 }, grid: { bottom: 56 }, xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', name: 'samarbejder', minInterval: 1 },
      series: byForm.map(function (f) { return { name: f.name, type: 'bar', stack: 'form', data: f.counts }; }) });
    table('table-forms', ['Form'].concat(months), byForm.map(function (f) { return [f.name].concat(f.counts); }));

    var bySector = d.collaborationsBySector || [];
    chart('chart-coll-sector', { legend: { type: 'scroll', bottom: 0 }, grid: { bottom: 56 }, xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', name: 'samarbejder', minInterval: 1 },
      series: bySector.map(function (s) { return { name: s.name, type: 'line', data: s.counts, symbolSize: 6 }; }) });
    table('table-coll-sector', ['Sektor'].concat(months), bySector.map(function (s) { return [s.name].concat(s.counts); }));

    var scheduled = d.meetingsScheduled || [];
    var held = d.meetingsHeld || [];
    chart('chart-meetings', { legend: { bottom: 0 }, xAxis: { type: 'category', data: months }, yAxis: { type: 'value', name: 'møder', minInterval: 1 },
      series: [{ name: 'Planlagt', type: 'bar', data: scheduled }, { name: 'Holdt', type: 'bar', data: held }] });
    table('table-meetings', ['Måned', 'Planlagt', 'Holdt'], months.map(function (m, i) { return [m, scheduled[i], held[i]]; }));

    var decisions = d.decisionsByType || [];
    chart('chart-decisions', { xAxis: { type: 'value', name: 'beslutninger', minInterval: 1 },
      yAxis: { type: 'category', data: decisions.map(function (t) { return t.name; }), inverse: true },
      series: [{ name: 'Beslutninger', type: 'bar', data: decisions.map(function (t) { return t.value; }) }] });
    table('table-decisions', ['Type', 'Beslutninger'], decisions.map(function (t) { return [t.name, t.value]; }));

    // The network as a force-directed graph: a node per partner, coloured by sector (the palette's first colours) and sized
    // by how much it takes part; a link per kind, its width its weight, told apart by its line as well as by its colour
    // (the palette's last ones, so no link has a sector's colour).
    var net = d.network || { categories: [], nodes: [], links: [] };
    var looks = {
      COLLABORATION: { color: '#455a64', type: 'solid', curveness: 0 },
      MEETING: { color: '#00838f', type: 'dashed', curveness: 0.2 },
      REFERRAL: { color: '#ad1457', type: 'dotted', curveness: -0.2 }
    };
    var networkFigure = document.getElementById('network-figure');
    networkFigure.style.gridColumn = '1 / -1';
    document.getElementById('chart-network').style.height = '480px';
    chart('chart-network', {
      legend: { type: 'scroll', bottom: 0, data: net.categories.map(function (c) { return c.name; }) },
      tooltip: { trigger: 'item', renderMode: 'richText', formatter: function (p) {
        if (p.dataType === 'edge') {
          var from = net.nodes[p.data.source].name;
          var to = net.nodes[p.data.target].name;
          return p.data.kindLabel + ': ' + from + (p.data.kind === 'REFERRAL' ? ' → ' : ' – ') + to + ' (' + number.format(p.data.value) + ')';
        }
        return p.data.name + ' (' + p.data.sector + '): ' + number.format(p.data.collaborations) + ' samarbejder, '
          + number.format(p.data.meetings) + ' møder';
      } },
      series: [{
        type: 'graph', layout: 'force', roam: true, draggable: true, categories: net.categories,
        data: net.nodes.map(function (n) {
          return { name: n.name, category: n.category, sector: n.sector, collaborations: n.collaborations, meetings: n.meetings,
            symbolSize: 12 + 4 * Math.sqrt((n.collaborations || 0) + (n.meetings || 0)) };
        }),
        links: net.links.map(function (l) {
          var look = looks[l.kind] || looks.COLLABORATION;
          return { source: l.source, target: l.target, value: l.weight, kind: l.kind, kindLabel: l.label,
            symbol: l.kind === 'REFERRAL' ? ['none', 'arrow'] : ['none', 'none'], symbolSize: 8,
            lineStyle: { color: look.color, type: look.type, curveness: look.curveness, width: 1 + Math.min(l.weight, 8) } };
        }),
        label: { show: net.nodes.length <= 40, position: 'right', formatter: '{b}' },
        force: { repulsion: 180, edgeLength: [60, 160], gravity: 0.1 },
        emphasis: { focus: 'adjacency' }, lineStyle: { opacity: 0.75 }
      }]
    });
    var strongest = d.strongestLinks || [];
    table('table-network', ['Aktør', 'Forbundet med', 'Forbindelse', 'Antal'], strongest.map(function (l) {
      return [l.a, (l.directed ? '→ ' : '') + l.b, l.kind, l.weight];
    }));
    if (strongest.length === 0) {
      var empty = document.getElementById('table-network').tBodies[0].insertRow().insertCell();
      empty.colSpan = 4;
      empty.textContent = 'Ingen forbindelser endnu';
    }
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
      mapping(d);
      holder.setAttribute('data-ready', 'true');
    });
})();
