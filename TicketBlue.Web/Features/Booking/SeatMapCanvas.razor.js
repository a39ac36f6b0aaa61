// The seat map's browser side (ADR-008). It fetches the round's drawing once — positions, grades,
// names; the same cacheable file for every viewer — and draws the hall as SVG itself; the server
// sends only this viewer's seat states as bytes: one per seat at the start, then four per changed
// seat (index in three bytes, little-endian, then the code: the view 0–4, +8 when picked).
// Zoom and pan change the SVG's viewBox (buttons, Ctrl/⌘ + wheel, trackpad or two-finger pinch,
// drag); one listener serves every seat — a click, tap, Enter or Space calls .NET with the seat id;
// arrow keys move focus to the nearest seat that way (a roving tabindex: the map is one tab stop).

const SVG = 'http://www.w3.org/2000/svg';
const MAX_ZOOM = 8;
const MAX_SEAT_PX = 48;
const SELECTED = 8;
const CLASSES = ['av', 'me', 'ot', 'so', 'bl'];

// Returns at once; the drawing arrives when it arrives. States sent meanwhile are kept and painted
// then. If the drawing cannot be fetched, .NET is told (the page says so; the list still works).
export function attach(host, dotNet, url, codes) {
    const svg = host.querySelector('svg');
    const state = Uint8Array.from(codes);
    let drawing = null;
    let seats = null;
    let detach = null;
    let disposed = false;

    fetchDrawing(url).then(d => {
        if (disposed) return;
        drawing = d;
        seats = draw(svg, d);
        state.forEach((code, index) => paintSeat(seats[index], d, index, code));
        svg.removeAttribute('aria-busy');
        detach = interact(host, svg, d, seats, state, dotNet);
        host.dataset.ready = 'true';
    }).catch(() => {
        if (!disposed) dotNet.invokeMethodAsync('DrawingFailedAsync');
    });

    return {
        update: changes => {
            for (let at = 0; at + 3 < changes.length; at += 4) {
                const index = changes[at] | (changes[at + 1] << 8) | (changes[at + 2] << 16);
                if (index >= state.length) continue;
                state[index] = changes[at + 3];
                if (seats) paintSeat(seats[index], drawing, index, state[index]);
            }
        },
        dispose: () => {
            disposed = true;
            detach?.();
        },
    };
}

async function fetchDrawing(url) {
    for (let attempt = 0; ; attempt++) {
        try {
            const response = await fetch(url, { credentials: 'same-origin' });
            if (response.ok) return await response.json();
            if (attempt >= 2) throw new Error(`seat map ${response.status}`);
        } catch (error) {
            if (attempt >= 2) throw error;
        }
        await new Promise(resolve => setTimeout(resolve, 500 * (attempt + 1)));
    }
}

function element(name, attributes, parent) {
    const node = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    parent?.appendChild(node);
    return node;
}

// The stage, the section names and one <g> per seat, in the drawing's order.
function draw(svg, d) {
    const fragment = document.createDocumentFragment();
    if (d.stage) {
        const s = d.stage;
        element('rect', { class: 'stage', x: s.x, y: s.y, width: s.w, height: s.h, rx: 8 }, fragment);
        const label = element('text', { class: 'stage-label', 'aria-hidden': 'true', x: s.x + s.w / 2, y: s.y + s.h / 2, 'font-size': s.font, 'text-anchor': 'middle', 'dominant-baseline': 'central' }, fragment);
        label.textContent = s.label;
    }
    const sections = element('g', { class: 'sections', 'aria-hidden': 'true', 'font-size': d.font, 'text-anchor': 'middle' }, fragment);
    for (const section of d.sections) {
        element('text', { x: section.x, y: section.y }, sections).textContent = section.name;
    }
    const group = element('g', { class: 'seats' }, fragment);
    const wheelchair = new Set(d.wheelchair);
    const r = d.r;
    const seats = d.ids.map((id, index) => {
        const seat = element('g', { class: 's', transform: `translate(${d.x[index]} ${d.y[index]})`, 'data-seat-id': id, tabindex: -1, role: 'checkbox' }, group);
        const fill = d.colours[d.g[index]];
        if (wheelchair.has(index)) {
            element('rect', { class: 'sh', x: -r, y: -r, width: 2 * r, height: 2 * r, rx: Math.round(r * 3) / 10, fill }, seat);
        } else {
            element('circle', { class: 'sh', r, fill }, seat);
        }
        return seat;
    });
    svg.replaceChildren(fragment);
    return seats;
}

// A seat drawn by state, in shape as well as colour (WCAG 1.4.1): free in its grade's colour, picked
// or the viewer's own hold with a check ring, someone else's hold or sold greyed with an ×, blocked as
// a dashed outline; named like the list's seat: "R석 1층 A구역 1열 1번, 110,000원, 선택 가능".
function paintSeat(seat, d, index, code) {
    const view = code & 7;
    const selected = view === 0 && (code & SELECTED) !== 0;
    seat.setAttribute('class', `s ${CLASSES[view] ?? 'bl'}${selected ? ' sel' : ''}`);
    seat.setAttribute('aria-checked', selected ? 'true' : 'false');
    seat.setAttribute('aria-disabled', view === 0 ? 'false' : 'true');
    seat.setAttribute('aria-label', `${d.labels[index]}, ${selected ? d.selected : d.states[view]}`);
    seat.querySelectorAll('.ring, .mark').forEach(mark => mark.remove());
    if (selected || view === 1) {
        element('circle', { class: 'ring', r: Math.round((d.r + 2.5) * 10) / 10 }, seat);
        element('path', { class: 'mark', d: d.check }, seat);
    } else if (view === 2 || view === 3) {
        element('path', { class: 'mark', d: d.cross }, seat);
    }
}

function interact(host, svg, d, seats, state, dotNet) {
    const home = { x: 0, y: 0, w: d.w, h: d.h };
    let view = { ...home };
    const pointers = new Map();
    let drag = null;
    let moved = false;

    const apply = () => svg.setAttribute('viewBox', `${view.x} ${view.y} ${view.w} ${view.h}`);

    // Zoom in no further than a seat MAX_SEAT_PX wide on screen: a small hall needs little zoom.
    const minWidth = () => {
        const box = svg.getBoundingClientRect();
        const fitScale = Math.min(box.width / home.w, box.height / home.h) || 1;
        const maxZoom = Math.min(MAX_ZOOM, Math.max(1, MAX_SEAT_PX / (2 * d.r * fitScale)));
        return home.w / maxZoom;
    };

    const clamp = () => {
        view.w = Math.min(home.w, Math.max(minWidth(), view.w));
        view.h = view.w * home.h / home.w;
        view.x = Math.min(home.x + home.w - view.w, Math.max(home.x, view.x));
        view.y = Math.min(home.y + home.h - view.h, Math.max(home.y, view.y));
        apply();
    };

    // A screen point in layout units.
    const toLayout = (clientX, clientY) => {
        const point = new DOMPoint(clientX, clientY).matrixTransform(svg.getScreenCTM().inverse());
        return { x: point.x, y: point.y };
    };

    const zoomAt = (factor, centre) => {
        const at = centre ?? { x: view.x + view.w / 2, y: view.y + view.h / 2 };
        const w = Math.min(home.w, Math.max(minWidth(), view.w / factor));
        const scale = w / view.w;
        view = { x: at.x - (at.x - view.x) * scale, y: at.y - (at.y - view.y) * scale, w, h: view.h * scale };
        clamp();
    };

    const indexOf = new Map(seats.map((seat, index) => [seat, index]));
    const seatOf = target => {
        const seat = target.closest?.('[data-seat-id]');
        return seat && indexOf.has(seat) ? seat : null;
    };
    const centreOf = seat => {
        const index = indexOf.get(seat);
        return { x: d.x[index], y: d.y[index] };
    };

    // Roving tabindex: exactly one seat is in the tab order, the one last focused.
    let current = null;
    const makeCurrent = seat => {
        if (current && current !== seat) current.setAttribute('tabindex', '-1');
        seat.setAttribute('tabindex', '0');
        current = seat;
    };
    const first = seats.find((_, index) => (state[index] & 7) === 0) ?? seats[0];
    if (first) makeCurrent(first);

    // Pans just enough to show a seat focused from the keyboard.
    const reveal = seat => {
        const c = centreOf(seat);
        const margin = view.w * 0.08;
        if (c.x < view.x + margin || c.x > view.x + view.w - margin || c.y < view.y + margin || c.y > view.y + view.h - margin) {
            view.x = c.x - view.w / 2;
            view.y = c.y - view.h / 2;
            clamp();
        }
    };

    const nearest = (from, key) => {
        const o = centreOf(from);
        let best = null;
        let bestScore = Infinity;
        for (let index = 0; index < seats.length; index++) {
            if (seats[index] === from) continue;
            const dx = d.x[index] - o.x;
            const dy = d.y[index] - o.y;
            const [along, across] = key === 'ArrowRight' ? [dx, dy] : key === 'ArrowLeft' ? [-dx, dy] : key === 'ArrowDown' ? [dy, dx] : [-dy, dx];
            if (along <= 0.5) continue;
            const score = along + Math.abs(across) * 3;
            if (score < bestScore) {
                bestScore = score;
                best = seats[index];
            }
        }
        return best;
    };

    const activate = seat => dotNet.invokeMethodAsync('ActivateSeatAsync', Number(seat.getAttribute('data-seat-id')));

    const onClick = event => {
        const zoom = event.target.closest?.('[data-zoom]');
        if (zoom && host.contains(zoom)) {
            const kind = zoom.getAttribute('data-zoom');
            if (kind === 'reset') {
                view = { ...home };
                apply();
            } else {
                zoomAt(kind === 'in' ? 1.5 : 1 / 1.5);
            }
            return;
        }
        const seat = seatOf(event.target);
        if (seat && !moved) {
            makeCurrent(seat);
            activate(seat);
        }
    };

    const onKeyDown = event => {
        const seat = seatOf(event.target);
        if (!seat) return;
        if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            activate(seat);
        } else if (event.key.startsWith('Arrow')) {
            event.preventDefault();
            const next = nearest(seat, event.key);
            if (next) {
                makeCurrent(next);
                next.focus();
                reveal(next);
            }
        } else if (event.key === '+' || event.key === '=') {
            event.preventDefault();
            zoomAt(1.5, centreOf(seat));
        } else if (event.key === '-') {
            event.preventDefault();
            zoomAt(1 / 1.5, centreOf(seat));
        }
    };

    const onFocusIn = event => {
        const seat = seatOf(event.target);
        if (seat) makeCurrent(seat);
    };

    // Plain wheel scrolls the page; Ctrl/⌘ + wheel (and a trackpad pinch) zooms the map.
    const onWheel = event => {
        if (!event.ctrlKey && !event.metaKey) return;
        event.preventDefault();
        zoomAt(Math.exp(-event.deltaY * 0.0025), toLayout(event.clientX, event.clientY));
    };

    const spread = () => {
        if (pointers.size < 2) return 0;
        const [a, b] = [...pointers.values()];
        return Math.hypot(a.x - b.x, a.y - b.y);
    };

    const onPointerDown = event => {
        if (event.pointerType === 'mouse' && event.button !== 0) return;
        pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
        moved = false;
        drag = { x: event.clientX, y: event.clientY, view: { ...view }, spread: spread() };
    };

    const onPointerMove = event => {
        if (!drag || !pointers.has(event.pointerId)) return;
        pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
        if (pointers.size >= 2) {
            // Two fingers: zoom by how far they spread since the last move.
            const now = spread();
            if (drag.spread > 0 && now > 0) {
                const [a, b] = [...pointers.values()];
                zoomAt(now / drag.spread, toLayout((a.x + b.x) / 2, (a.y + b.y) / 2));
            }
            drag.spread = now;
            moved = true;
            return;
        }
        const dx = event.clientX - drag.x;
        const dy = event.clientY - drag.y;
        if (!moved && Math.hypot(dx, dy) < 6) return;
        if (!moved) svg.setPointerCapture?.(event.pointerId);
        moved = true;
        // Layout units per screen pixel ("meet" scales by the tighter side).
        const box = svg.getBoundingClientRect();
        const unit = Math.max(view.w / box.width, view.h / box.height);
        view.x = drag.view.x - dx * unit;
        view.y = drag.view.y - dy * unit;
        clamp();
    };

    const onPointerUp = event => {
        pointers.delete(event.pointerId);
        if (pointers.size === 0) {
            drag = null;
            // A drag must not end in a click on the seat under the finger; forget it after that click.
            setTimeout(() => { moved = false; }, 0);
        } else if (drag) {
            const [rest] = [...pointers.values()];
            drag = { x: rest.x, y: rest.y, view: { ...view }, spread: 0 };
        }
    };

    const listeners = [
        [host, 'click', onClick],
        [svg, 'keydown', onKeyDown],
        [svg, 'focusin', onFocusIn],
        [svg, 'wheel', onWheel, { passive: false }],
        [svg, 'pointerdown', onPointerDown],
        [svg, 'pointermove', onPointerMove],
        [svg, 'pointerup', onPointerUp],
        [svg, 'pointercancel', onPointerUp],
    ];
    listeners.forEach(([target, type, listener, options]) => target.addEventListener(type, listener, options));
    return () => listeners.forEach(([target, type, listener]) => target.removeEventListener(type, listener));
}
