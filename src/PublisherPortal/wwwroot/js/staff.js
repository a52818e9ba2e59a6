// Staff pages only (App.razor): the browser's time zone, so the newsroom shows and takes schedule times in it.
window.portalStaff = {
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC",
};
