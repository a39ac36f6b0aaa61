// The seat map's browser side, kept small: zoom and pan by changing the SVG's viewBox (buttons,
// Ctrl/⌘ + wheel, trackpad or two-finger pinch, drag), and one listener for every seat — a click,
// tap, Enter or Space calls .NET with the seat id; arrow keys move focus to the nearest seat that way.

const MAX_ZOOM = 8;
const MAX_SEAT_PX = 48;

export function attach(host, dotNet) {
    const svg = host.querySelector('svg');
    const full = svg.viewBox.baseVal;
    const home = { x: full.x, y: full.y, w: full.width, h: full.height };
    let view = { ...home };
    const pointers = new Map();
    let drag = null;
    let moved = false;

    const apply = () => svg.setAttribute('viewBox', `${view.x} ${view.y} ${view.w} ${view.h}`);

    // Zoom in no further than a seat MAX_SEAT_PX wide on screen: a small hall needs little zoom.
    const seatRadius = Number(svg.querySelector('.sh')?.getAttribute('r') ?? svg.querySelector('.sh')?.getAttribute('width') / 2) || 10;
    const minWidth = () => {
        const box = svg.getBoundingClientRect();
        const fitScale = Math.min(box.width / home.w, box.height / home.h) || 1;
        const maxZoom = Math.min(MAX_ZOOM, Math.max(1, MAX_SEAT_PX / (2 * seatRadius * fitScale)));
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

    const seatOf = target => {
        const seat = target.closest?.('[data-seat-id]');
        return seat && svg.contains(seat) ? seat : null;
    };

    const seats = () => Array.from(svg.querySelectorAll('[data-seat-id]'));
    const centreOf = seat => {
        const m = seat.transform.baseVal.consolidate()?.matrix;
        return m ? { x: m.e, y: m.f } : { x: 0, y: 0 };
    };

    // Roving tabindex: exactly one seat is in the tab order, the one last focused.
    const makeCurrent = seat => {
        svg.querySelectorAll('[data-seat-id][tabindex="0"]').forEach(other => other !== seat && other.setAttribute('tabindex', '-1'));
        seat.setAttribute('tabindex', '0');
    };
    const first = svg.querySelector('.s.av') ?? svg.querySelector('[data-seat-id]');
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
        for (const seat of seats()) {
            if (seat === from) continue;
            const c = centreOf(seat);
            const dx = c.x - o.x;
            const dy = c.y - o.y;
            const [along, across] = key === 'ArrowRight' ? [dx, dy] : key === 'ArrowLeft' ? [-dx, dy] : key === 'ArrowDown' ? [dy, dx] : [-dy, dx];
            if (along <= 0.5) continue;
            const score = along + Math.abs(across) * 3;
            if (score < bestScore) {
                bestScore = score;
                best = seat;
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

    const onPointerDown = event => {
        if (event.pointerType === 'mouse' && event.button !== 0) return;
        pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
        moved = false;
        drag = { x: event.clientX, y: event.clientY, view: { ...view }, spread: spread() };
    };

    const spread = () => {
        if (pointers.size < 2) return 0;
        const [a, b] = [...pointers.values()];
        return Math.hypot(a.x - b.x, a.y - b.y);
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

    host.addEventListener('click', onClick);
    svg.addEventListener('keydown', onKeyDown);
    svg.addEventListener('focusin', onFocusIn);
    svg.addEventListener('wheel', onWheel, { passive: false });
    svg.addEventListener('pointerdown', onPointerDown);
    svg.addEventListener('pointermove', onPointerMove);
    svg.addEventListener('pointerup', onPointerUp);
    svg.addEventListener('pointercancel', onPointerUp);

    return {
        dispose: () => {
            host.removeEventListener('click', onClick);
            svg.removeEventListener('keydown', onKeyDown);
            svg.removeEventListener('focusin', onFocusIn);
            svg.removeEventListener('wheel', onWheel);
            svg.removeEventListener('pointerdown', onPointerDown);
            svg.removeEventListener('pointermove', onPointerMove);
            svg.removeEventListener('pointerup', onPointerUp);
            svg.removeEventListener('pointercancel', onPointerUp);
        },
    };
}
