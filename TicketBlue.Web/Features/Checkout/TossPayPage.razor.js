// Opens the Toss Payments v1 card window for an order. The SDK is loaded once, from Toss, on this
// page only. requestPayment leaves the page for successUrl/failUrl; it rejects when the window could
// not open or the customer closed it, and that error comes back to the page as {code, message}.
const loaded = new Map();

function loadSdk(url) {
    if (!loaded.has(url)) {
        loaded.set(url, new Promise((resolve, reject) => {
            const script = document.createElement("script");
            script.src = url;
            script.async = true;
            script.onload = () => resolve();
            script.onerror = () => {
                loaded.delete(url);
                reject(new Error("sdk"));
            };
            document.head.appendChild(script);
        }));
    }

    return loaded.get(url);
}

export async function requestPayment(sdkUrl, clientKey, payment) {
    try {
        await loadSdk(sdkUrl);
        const tossPayments = window.TossPayments(clientKey);
        await tossPayments.requestPayment("카드", payment);
        return null;
    } catch (error) {
        return { code: error?.code ?? "SDK_LOAD_FAILED", message: error?.message ?? "" };
    }
}
