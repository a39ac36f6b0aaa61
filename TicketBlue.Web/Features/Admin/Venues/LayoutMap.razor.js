// One click listener for the whole seat map: a hall has thousands of seats, and a Blazor handler
// per seat would make every render slow. The seat's id travels in its data-seat-id attribute.
export function listen(element, dotNetRef) {
    const onClick = event => {
        const seat = event.target.closest('[data-seat-id]');
        if (seat && element.contains(seat)) {
            dotNetRef.invokeMethodAsync('SeatClickedAsync', Number(seat.getAttribute('data-seat-id')));
        }
    };
    element.addEventListener('click', onClick);
    return {
        dispose: () => element.removeEventListener('click', onClick),
    };
}
