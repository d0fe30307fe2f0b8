// The /logs page's browser side: Ctrl+Enter (Cmd+Enter) in the query editor runs the query, and exports download.

/** Calls the page's RunFromEditor with the editor's text on Ctrl+Enter; returns a handle whose dispose() detaches. */
export function attachEditor(editor, page) {
    const onKeyDown = event => {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            page.invokeMethodAsync("RunFromEditor", editor.value);
        }
    };
    editor.addEventListener("keydown", onKeyDown);
    return { dispose: () => editor.removeEventListener("keydown", onKeyDown) };
}

/** Saves text as a file through the browser's download. */
export function download(fileName, contentType, text) {
    const url = URL.createObjectURL(new Blob([text], { type: contentType }));
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
}
