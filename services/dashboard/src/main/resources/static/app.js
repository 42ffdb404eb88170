'use strict';

// Renders /api/overview and keeps it current from the Server-Sent Events of /api/stream.
// Relative URLs so the page also works behind the gateway under a path prefix.
(() => {
  const numbers = new Intl.NumberFormat('da-DK');
  const times = new Intl.DateTimeFormat('da-DK', {
    day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Copenhagen'
  });
  const byTestId = (id) => document.querySelector(`[data-testid="${id}"]`);

  // The stream's overview is always at least as new as the one fetched at load, never the other way round.
  let streamSeen = false;
  const announced = new Set();

  function setNumber(id, value) {
    const element = byTestId(id);
    const text = numbers.format(value);
    if (element.textContent !== text) {
      element.textContent = text;
      element.dataset.value = String(value);
      flash(element);
    }
  }

  function flash(element) {
    element.classList.remove('flash');
    // Reading layout restarts the CSS animation.
    void element.offsetWidth;
    element.classList.add('flash');
  }

  function renderBars(id, rows, key, label, count) {
    const list = byTestId(id);
    const max = Math.max(1, ...rows.map(count));
    list.replaceChildren(...rows.map((row) => {
      const item = document.createElement('li');
      item.dataset.testid = `${id}-item`;
      item.dataset.key = key(row);
      const name = document.createElement('span');
      name.className = 'bar-label';
      name.textContent = label(row);
      const value = document.createElement('span');
      value.className = 'bar-value';
      value.textContent = numbers.format(count(row));
      const bar = document.createElement('span');
      bar.className = 'bar';
      bar.style.setProperty('--share', String(count(row) / max));
      item.append(name, value, bar);
      return item;
    }));
    toggleEmpty(id, rows.length === 0);
  }

  function toggleEmpty(id, empty) {
    const note = document.querySelector(`[data-empty-for="${id}"]`);
    if (note) {
      note.hidden = !empty;
    }
  }

  function renderChanges(changes, freshId) {
    const list = byTestId('latest-changes');
    list.replaceChildren(...changes.map((change) => {
      const item = document.createElement('li');
      item.dataset.testid = 'change';
      item.dataset.id = change.id;
      item.dataset.type = change.type;
      const when = document.createElement('time');
      when.dateTime = change.occurredAt;
      when.textContent = times.format(new Date(change.occurredAt));
      const summary = document.createElement('span');
      summary.className = 'summary';
      summary.textContent = change.summary;
      item.append(when, summary);
      if (change.id === freshId && !announced.has(change.id)) {
        announced.add(change.id);
        item.classList.add('fresh');
      }
      return item;
    }));
    toggleEmpty('latest-changes', changes.length === 0);
  }

  function render(overview, freshId) {
    setNumber('active-partners', overview.activePartners);
    setNumber('active-offers', overview.activeOffers);
    setNumber('offers-with-free-capacity', overview.offersWithFreeCapacity);
    setNumber('shared-resources', overview.sharedResources);
    renderBars('by-sector', overview.bySector, (r) => r.sector, (r) => r.label, (r) => r.activePartners);
    renderBars('by-centre', overview.byCentre, (r) => r.centreId, (r) => r.centreName, (r) => r.activePartners);
    renderBars('by-target-group', overview.activeOffersByTargetGroup, (r) => r.targetGroup, (r) => r.label, (r) => r.activeOffers);
    renderChanges(overview.latestChanges, freshId);
    const newest = byTestId('newest-event');
    if (overview.newestEventAt) {
      newest.dateTime = overview.newestEventAt;
      newest.textContent = times.format(new Date(overview.newestEventAt));
    }
  }

  function setStatus(state, text) {
    const status = byTestId('connection-status');
    status.dataset.state = state;
    status.querySelector('.status-text').textContent = text;
  }

  function connect() {
    const source = new EventSource('api/stream');
    source.addEventListener('overview', (event) => {
      streamSeen = true;
      render(JSON.parse(event.data));
      setStatus('live', 'Live');
    });
    source.addEventListener('change', (event) => {
      streamSeen = true;
      const message = JSON.parse(event.data);
      render(message.overview, message.change.id);
      setStatus('live', 'Live');
    });
    // EventSource reconnects by itself; on reconnect the server sends a fresh overview first.
    source.addEventListener('error', () => {
      setStatus('reconnecting', 'Forbindelsen er afbrudt – prøver igen …');
    });
  }

  fetch('api/overview', { headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`))))
    .then((overview) => {
      if (!streamSeen) {
        render(overview);
      }
    })
    .catch(() => {
      if (!streamSeen) {
        setStatus('reconnecting', 'Kan ikke hente overblikket – prøver igen …');
      }
    });
  connect();
})();
