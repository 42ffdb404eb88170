'use strict';

// The info screen of one centre, at skaerm/<centre id>. Renders ../api/centres/<id>/today and keeps it
// current: the server pushes a new day over Server-Sent Events when a booking of today changes, and the page
// asks again when the server says the split into "Nu" and "Senere i dag" changes next (at least every minute).
// The server decides what is "now" and applies the bookings' visibility; the page only shows what it gets.
(() => {
  const RETRY_MS = 10000;
  const byTestId = (id) => document.querySelector(`[data-testid="${id}"]`);
  const centreId = decodeURIComponent(window.location.pathname.replace(/\/+$/, '').split('/').pop());
  const api = `../api/centres/${encodeURIComponent(centreId)}`;

  let shownAt = null; // the server's "now" of the day on screen: an older answer never replaces a newer one
  let shownContent = null;
  let skewMs = 0; // server clock minus this machine's clock, so the clock on screen is the server's
  let clockFormat = null;
  let refreshTimer = null;
  let source = null;
  const seen = new Set();

  function setStatus(state, text) {
    const status = byTestId('connection-status');
    status.dataset.state = state;
    status.querySelector('.status-text').textContent = text;
  }

  function showMessage(text) {
    const message = byTestId('screen-message');
    message.textContent = text || '';
    message.hidden = !text;
  }

  function slot(booking, first) {
    const item = document.createElement('li');
    item.dataset.testid = 'booking';
    item.dataset.bookingId = booking.bookingId;
    item.dataset.busy = String(booking.busy);
    const time = document.createElement('span');
    time.className = 'slot-time';
    time.textContent = booking.time;
    const title = document.createElement('span');
    title.className = 'slot-title';
    title.textContent = booking.title;
    const place = document.createElement('span');
    place.className = 'slot-place';
    const room = document.createElement('span');
    room.className = 'slot-room';
    room.textContent = booking.resource || '';
    place.append(room);
    if (booking.organiser) {
      const organiser = document.createElement('span');
      organiser.className = 'slot-organiser';
      organiser.textContent = booking.organiser;
      place.append(organiser);
    }
    item.append(time, title, place);
    if (!first && !seen.has(booking.bookingId)) {
      item.classList.add('fresh');
    }
    return item;
  }

  function renderComing(days, first) {
    byTestId('coming').replaceChildren(...days.map((day) => {
      const block = document.createElement('section');
      block.className = 'coming-day';
      const heading = document.createElement('h3');
      heading.textContent = day.dateLabel;
      const list = document.createElement('ol');
      list.className = 'slots';
      list.append(...day.bookings.map((booking) => slot(booking, first)));
      block.append(heading, list);
      return block;
    }));
    document.querySelector('[data-empty-for="coming"]').hidden = days.length > 0;
  }

  function renderList(id, bookings, first) {
    byTestId(id).replaceChildren(...bookings.map((booking) => slot(booking, first)));
    document.querySelector(`[data-empty-for="${id}"]`).hidden = bookings.length > 0;
  }

  function render(today) {
    if (shownAt !== null && Date.parse(today.now) < shownAt) {
      return;
    }
    const first = shownAt === null;
    shownAt = Date.parse(today.now);
    skewMs = shownAt - Date.now();
    clockFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: today.timeZone });
    byTestId('screen-clock').textContent = today.clock;
    refreshIn(today.refreshSeconds * 1000);
    // Most answers change nothing: leave the page alone then, so nothing on the screen flickers.
    const coming = today.coming || [];
    const content = JSON.stringify([today.centreName, today.dateLabel, today.openingHours, today.current, today.later, coming]);
    if (content === shownContent) {
      return;
    }
    shownContent = content;
    document.title = `I dag i ${today.centreName}`;
    byTestId('screen-heading').textContent = `I dag i ${today.centreName}`;
    byTestId('screen-date').textContent = today.dateLabel;
    byTestId('opening-hours').textContent = today.openingHours.length
      ? `Åbent i dag ${today.openingHours.join(' og ')}`
      : 'Lukket i dag';
    renderList('now', today.current, first);
    renderList('later', today.later, first);
    renderComing(coming, first);
    [...today.current, ...today.later, ...coming.flatMap((day) => day.bookings)].forEach((booking) => seen.add(booking.bookingId));
    showMessage('');
    document.body.dataset.state = 'ready';
  }

  function refreshIn(ms) {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(load, ms);
  }

  // 09.30, the Danish way, whatever this machine's locale data says.
  function tickClock() {
    if (clockFormat) {
      const parts = Object.fromEntries(clockFormat.formatToParts(new Date(Date.now() + skewMs)).map((p) => [p.type, p.value]));
      byTestId('screen-clock').textContent = `${parts.hour}.${parts.minute}`;
    }
  }

  function load() {
    fetch(`${api}/today`, { headers: { Accept: 'application/json' }, cache: 'no-store' })
      .then((response) => {
        if (response.status === 404) {
          document.body.dataset.state = 'unknown';
          setStatus('waiting', 'Venter på huset …');
          showMessage(`Huset „${centreId}“ kendes ikke (endnu). Skærmen prøver igen af sig selv.`);
          refreshIn(RETRY_MS * 3);
          return;
        }
        if (!response.ok) {
          throw new Error(`HTTP ${response.status}`);
        }
        return response.json().then((today) => {
          render(today);
          connect();
        });
      })
      .catch(() => {
        setStatus('reconnecting', 'Forbindelsen er afbrudt – prøver igen …');
        refreshIn(RETRY_MS);
      });
  }

  // Opened once the centre is known. EventSource reconnects by itself after a dropped connection; if the
  // server refused the stream, it gives up, so the page opens a new one a little later.
  function connect() {
    if (source) {
      return;
    }
    source = new EventSource(`${api}/stream`);
    source.addEventListener('today', (event) => {
      render(JSON.parse(event.data));
      setStatus('live', 'Live');
    });
    source.addEventListener('open', () => setStatus('live', 'Live'));
    source.addEventListener('error', () => {
      setStatus('reconnecting', 'Forbindelsen er afbrudt – prøver igen …');
      if (source.readyState === EventSource.CLOSED) {
        source = null;
        setTimeout(connect, RETRY_MS);
      }
    });
  }

  setInterval(tickClock, 1000);
  load();
})();
