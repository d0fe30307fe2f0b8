// Facts only the browser knows.
export function timeZone() {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
