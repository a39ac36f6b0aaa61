// The waiting page's only script: asks the server where this customer stands, as often as the server
// says (every 2 s near the front, up to 10 s at the back), and moves on to the seat page once admitted.
// The admission token arrives as an HttpOnly cookie with that answer; this script never sees it.
(function () {
    "use strict";
    var root = document.getElementById("waiting-room");
    var textBlock = document.getElementById("waiting-room-text");
    if (!root || !textBlock) {
        return;
    }

    var text = JSON.parse(textBlock.textContent);
    var statusUrl = root.getAttribute("data-status-url");
    var seatsUrl = root.getAttribute("data-seats-url");
    var format = new Intl.NumberFormat(document.documentElement.lang || "ko");

    function field(name) {
        return root.querySelector("[data-testid='" + name + "']");
    }

    function fill(template, value) {
        return template.replace("{0}", format.format(value));
    }

    function show(status) {
        field("queue-unavailable").hidden = !status.unavailable;
        field("queue-paused").hidden = !status.paused;
        field("queue-sold-out").hidden = !status.soldOut;
        field("queue-prequeue").hidden = status.standing !== "PreQueue";
        field("queue-number").textContent = status.queueNumber > 0 ? fill(text.number, status.queueNumber) : text.unknown;
        field("queue-position").textContent =
            status.standing === "Waiting" ? fill(text.position, status.position)
            : status.standing === "PreQueue" ? text.preQueue
            : status.standing === "Admitted" ? text.admitted
            : text.unknown;
        field("queue-wait").textContent =
            status.estimatedWaitSeconds == null ? text.unknown
            : status.estimatedWaitSeconds < 60 ? text.underMinute
            : fill(text.minutes, Math.ceil(status.estimatedWaitSeconds / 60));
        field("queue-total").textContent =
            status.standing === "Waiting" ? fill(text.total, status.waiting)
            : status.standing === "PreQueue" ? fill(text.preTotal, status.waiting)
            : "";
        if (status.seed) {
            field("seed").textContent = status.seed;
            field("seed").parentElement.hidden = false;
        }
    }

    function next(seconds) {
        window.setTimeout(poll, Math.max(1, seconds) * 1000);
    }

    function poll() {
        fetch(statusUrl, { credentials: "same-origin", headers: { "Accept": "application/json" } })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error(String(response.status));
                }
                return response.json();
            })
            .then(function (status) {
                if (!status.required || status.admitted) {
                    window.location.assign(seatsUrl);
                    return;
                }
                // Out of line (away longer than the grace period, or the admission ended): the page joins again.
                if (!status.unavailable && status.standing === "None") {
                    window.location.reload();
                    return;
                }
                show(status);
                next(status.pollAfterSeconds);
            })
            .catch(function () {
                field("queue-unavailable").hidden = false;
                next(10);
            });
    }

    next(Number(root.getAttribute("data-poll-seconds")) || 5);
})();
