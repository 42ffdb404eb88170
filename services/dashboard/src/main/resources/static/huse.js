'use strict';

// Lists the centres (api/centres) with a link to each one's info screen, and the utilisation of each centre's
// resources in one ISO week (api/centres/<id>/utilisation?week=…). The week is in the address (?uge=2026-W48).
(() => {
  const hours = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const byTestId = (id) => document.querySelector(`[data-testid="${id}"]`);
  let week = new URLSearchParams(window.location.search).get('uge');

  const json = (url) => fetch(url, { headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`))));

  function cell(text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) {
      td.className = className;
    }
    return td;
  }

  function table(utilisation) {
    const element = document.createElement('table');
    element.className = 'utilisation';
    element.dataset.testid = 'utilisation';
    const caption = document.createElement('caption');
    caption.textContent = `Udnyttelse af lokaler, uge ${utilisation.weekNumber}`;
    const head = document.createElement('thead');
    const headRow = document.createElement('tr');
    ['Lokale', 'Type', 'Booket', 'Åbent', 'Udnyttelse'].forEach((title) => {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = title;
      headRow.append(th);
    });
    head.append(headRow);
    const body = document.createElement('tbody');
    utilisation.resources.forEach((resource) => {
      const row = document.createElement('tr');
      row.dataset.testid = 'utilisation-row';
      row.dataset.resourceId = resource.resourceId;
      const share = resource.utilisationPercent;
      const bar = cell(share === null ? '–' : `${percent.format(share)} %`, 'number share');
      bar.style.setProperty('--share', String(share === null ? 0 : Math.min(share, 100) / 100));
      row.append(cell(resource.name), cell(resource.kindLabel || ''), cell(`${hours.format(resource.bookedHours)} t`, 'number'),
        cell(`${hours.format(resource.openHours)} t`, 'number'), bar);
      body.append(row);
    });
    element.append(caption, head, body);
    return element;
  }

  function card(centre, utilisation) {
    const article = document.createElement('article');
    article.className = 'card centre';
    article.dataset.testid = 'centre';
    article.dataset.centreId = centre.centreId;
    const heading = document.createElement('h2');
    heading.textContent = centre.name;
    const address = document.createElement('p');
    address.className = 'note';
    address.textContent = centre.address || '';
    const link = document.createElement('a');
    link.className = 'screen-link';
    link.dataset.testid = 'screen-link';
    link.href = `skaerm/${encodeURIComponent(centre.centreId)}`;
    link.textContent = 'Åbn infoskærm';
    article.append(heading, address, link);
    if (centre.flaggedBookings > 0) {
      const flagged = document.createElement('p');
      flagged.className = 'flagged';
      flagged.textContent = `${centre.flaggedBookings} booking${centre.flaggedBookings === 1 ? '' : 'er'} kræver opmærksomhed`;
      article.append(flagged);
    }
    if (utilisation.resources.length) {
      article.append(table(utilisation));
    } else {
      const none = document.createElement('p');
      none.className = 'empty';
      none.textContent = 'Ingen lokaler er oprettet endnu.';
      article.append(none);
    }
    return article;
  }

  function setWeek(utilisation) {
    byTestId('week-label').textContent = utilisation.label.charAt(0).toUpperCase() + utilisation.label.slice(1);
    const previous = byTestId('previous-week');
    const next = byTestId('next-week');
    previous.disabled = false;
    next.disabled = false;
    previous.onclick = () => go(utilisation.previousWeek);
    next.onclick = () => go(utilisation.nextWeek);
  }

  function go(target) {
    week = target;
    const url = new URL(window.location.href);
    url.searchParams.set('uge', target);
    window.history.pushState({ week: target }, '', url);
    load();
  }

  function load() {
    const query = week ? `?week=${encodeURIComponent(week)}` : '';
    json('api/centres')
      .then((centres) => Promise.all(centres.map((centre) =>
        json(`api/centres/${encodeURIComponent(centre.centreId)}/utilisation${query}`).then((u) => [centre, u]))))
      .then((pairs) => {
        byTestId('centres').replaceChildren(...pairs.map(([centre, utilisation]) => card(centre, utilisation)));
        document.querySelector('[data-empty-for="centres"]').hidden = pairs.length > 0;
        byTestId('load-error').hidden = true;
        if (pairs.length) {
          setWeek(pairs[0][1]);
        }
        document.body.dataset.state = 'ready';
      })
      .catch(() => {
        byTestId('load-error').hidden = false;
      });
  }

  window.addEventListener('popstate', () => {
    week = new URLSearchParams(window.location.search).get('uge');
    load();
  });
  load();
})();
