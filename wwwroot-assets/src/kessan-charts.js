// The console's one chart: ApexCharts behind a small typed model (Shared/Charts/ChartModel.cs).
// Blazor creates a chart with a model, then sends whole series, appended points or new category values.
import ApexCharts from "./apexcharts.esm.js";

const palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

/**
 * Returns a function that moves an instant onto the wall clock of a time zone, so ApexCharts can place its ticks on
 * round hours of that zone while it formats in UTC. Null for the browser's own zone, which ApexCharts handles itself.
 */
function wallClockShift(timeZone) {
    if (!timeZone) return null;
    const format = new Intl.DateTimeFormat("en-US", {
        timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric",
    });
    const offsets = new Map();
    return (ms) => {
        const hour = Math.floor(ms / 3_600_000);
        let offset = offsets.get(hour);
        if (offset === undefined) {
            const parts = Object.fromEntries(format.formatToParts(new Date(hour * 3_600_000)).map((p) => [p.type, p.value]));
            offset = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second) - hour * 3_600_000;
            offsets.set(hour, offset);
        }
        return ms + offset;
    };
}

function formatNumber(value) {
    if (value === undefined || value === null || Number.isNaN(value)) return "";
    const abs = Math.abs(value);
    if (abs >= 1e9) return (value / 1e9).toFixed(2).replace(/\.?0+$/, "") + "G";
    if (abs >= 1e6) return (value / 1e6).toFixed(2).replace(/\.?0+$/, "") + "M";
    if (abs >= 1e4) return (value / 1e3).toFixed(1).replace(/\.?0+$/, "") + "k";
    if (abs >= 100 || Number.isInteger(value)) return value.toFixed(0);
    if (abs >= 1) return value.toFixed(2).replace(/\.?0+$/, "");
    return value.toPrecision(3).replace(/\.?0+$/, "");
}

/** ApexCharts merges options over its defaults: a key set to undefined or null would wipe a default it relies on. */
function defined(options) {
    return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined && value !== null));
}

function yAxes(model) {
    // A threshold far from the data would sit outside the plot: stretch the axis (unless fixed) to show it.
    const limits = (model.thresholds ?? []).flatMap((t) => [t.value, t.bandEnd]).filter((v) => typeof v === "number");
    const stretchMax = limits.length > 0 ? (max) => Math.max(max, Math.max(...limits) * 1.05) : undefined;
    const stretchMin = limits.length > 0 ? (min) => Math.min(min, Math.min(...limits)) : undefined;
    const axis = (settings, opposite, seriesName) => defined({
        opposite,
        seriesName,
        min: settings?.min ?? (opposite ? undefined : stretchMin),
        max: settings?.max ?? (opposite ? undefined : stretchMax),
        forceNiceScale: true,
        title: { text: settings?.label ?? undefined },
        labels: { formatter: formatNumber },
    });
    const right = model.series.filter((s) => s.rightAxis);
    if (right.length === 0) return axis(model.leftAxis, false);
    // ApexCharts ties each y-axis to series by name: one entry per series, each pointing at its side's first series.
    const leftName = model.series.find((s) => !s.rightAxis)?.name;
    return model.series.map((s, i) => ({
        ...axis(s.rightAxis ? model.rightAxis : model.leftAxis, s.rightAxis, s.rightAxis ? right[0].name : leftName),
        show: i === model.series.findIndex((o) => o.rightAxis === s.rightAxis),
    }));
}

function annotations(model) {
    const shift = wallClockShift(model.timeZone) ?? ((ms) => ms);
    return {
        yaxis: (model.thresholds ?? []).map((t) => defined({
            y: t.value,
            y2: t.bandEnd,
            borderColor: t.color ?? "#d62728",
            fillColor: t.color ?? "#d62728",
            opacity: t.bandEnd === null || t.bandEnd === undefined ? 1 : 0.15,
            strokeDashArray: 4,
            label: { text: t.label ?? "", borderColor: "transparent", style: { background: "transparent", color: t.color ?? "#d62728" } },
        })),
        xaxis: (model.timeBands ?? []).map((b) => defined({
            x: shift(b.startMs),
            x2: shift(b.endMs),
            fillColor: b.color ?? "#ff9800",
            opacity: 0.15,
            label: { text: b.label ?? "", orientation: "horizontal" },
        })),
    };
}

function toApexOptions(model) {
    const colors = model.series.map((s, i) => s.color || palette[i % palette.length]);
    const common = {
        chart: {
            type: model.kind === "area" ? "area" : model.kind,
            height: "100%",
            stacked: model.stacked,
            animations: { enabled: false },
            background: "transparent",
            fontFamily: "Roboto, Helvetica, Arial, sans-serif",
            toolbar: { show: model.kind === "line" || model.kind === "area", tools: { download: false, pan: false }, autoSelected: "zoom" },
            zoom: { enabled: model.kind === "line" || model.kind === "area", type: "x" },
        },
        theme: { mode: model.dark ? "dark" : "light" },
        grid: { borderColor: model.dark ? "#3b4252" : "#e6e8eb" },
        colors,
        noData: { text: model.noDataText ?? "No data in this time range" },
        legend: { show: true, position: "bottom", onItemClick: { toggleDataSeries: true }, height: 28 },
        tooltip: { theme: model.dark ? "dark" : "light" },
        dataLabels: { enabled: false },
    };
    if (model.kind === "pie") {
        return { ...common, series: [], labels: model.series.map((s) => s.name), tooltip: { ...common.tooltip, y: { formatter: formatNumber } } };
    }
    if (model.kind === "bar") {
        return {
            ...common,
            series: [{ name: model.valueName ?? "Value", data: [] }],
            plotOptions: { bar: { distributed: true, borderRadius: 2 } },
            legend: { show: false },
            xaxis: { categories: model.series.map((s) => s.name) },
            yaxis: yAxes(model),
            annotations: annotations(model),
            tooltip: { ...common.tooltip, y: { formatter: formatNumber } },
        };
    }
    const shifted = model.timeZone !== null && model.timeZone !== undefined;
    return {
        ...common,
        series: model.series.map((s) => ({ name: s.name, data: [] })),
        stroke: { width: model.kind === "area" ? 1 : 2, curve: "straight" },
        fill: model.kind === "area" ? { type: "solid", opacity: 0.35 } : { type: "solid" },
        markers: { size: 0, hover: { size: 4 } },
        xaxis: { type: "datetime", labels: { datetimeUTC: shifted }, tooltip: { enabled: false } },
        yaxis: yAxes(model),
        annotations: annotations(model),
        tooltip: { ...common.tooltip, shared: true, x: { format: "MM-dd HH:mm" }, y: { formatter: formatNumber } },
    };
}

function zip(points) {
    const data = new Array(points.t.length);
    for (let i = 0; i < points.t.length; i++) data[i] = [points.t[i], points.v[i]];
    return data;
}

/** Merges appended points into one series: same timestamp replaces, newer appends, older than the cut-off drops. */
function merge(existing, points, dropBeforeMs) {
    const added = zip(points);
    const firstNew = added.length > 0 ? added[0][0] : Infinity;
    const kept = existing.filter((p) => p[0] >= dropBeforeMs && p[0] < firstNew);
    return kept.concat(added.filter((p) => p[0] >= dropBeforeMs));
}

/** Stacked areas need every series at the same timestamps; a period without data stacks as zero. */
function alignForStacking(series) {
    const times = [...new Set(series.flatMap((points) => points.map((p) => p[0])))].sort((a, b) => a - b);
    return series.map((points) => {
        const byTime = new Map(points);
        return times.map((t) => [t, byTime.get(t) ?? 0]);
    });
}

class KessanChart {
    constructor(element, model) {
        this.element = element;
        this.model = model;
        this.data = model.series.map(() => []);
        this.chart = null;
        this.rendered = Promise.resolve();
    }

    /** The chart is first drawn with its first data rather than empty and then again with data: drawing is most of a
     *  dashboard's first-render time in the browser. */
    async draw(series) {
        if (this.chart === null) {
            this.chart = new ApexCharts(this.element, { ...toApexOptions(this.model), series });
            this.rendered = this.chart.render();
            await this.rendered;
        } else {
            await this.rendered;
            await this.chart.updateSeries(series, false);
        }
    }

    async setSeries(seriesPoints) {
        this.data = seriesPoints.map(zip);
        await this.redraw();
    }

    async redraw() {
        const aligned = this.model.stacked ? alignForStacking(this.data) : this.data;
        const shift = wallClockShift(this.model.timeZone);
        const data = shift ? aligned.map((points) => points.map(([t, v]) => [shift(t), v])) : aligned;
        await this.draw(data.map((points, i) => ({ name: this.model.series[i]?.name ?? "", data: points })));
        this.markDrawn(this.data.reduce((sum, d) => sum + d.length, 0), Math.max(0, ...this.data.map((d) => (d.length > 0 ? d[d.length - 1][0] : 0))));
    }

    async append(deltas) {
        for (const delta of deltas) {
            this.data[delta.seriesIndex] = merge(delta.replace ? [] : this.data[delta.seriesIndex] ?? [], delta.points, delta.dropBeforeMs);
        }
        await this.redraw();
    }

    async setValues(values) {
        await this.draw(this.model.kind === "pie"
            ? values.map((v) => v ?? 0)
            : [{ name: this.model.valueName ?? "Value", data: values.map((v) => v ?? 0) }]);
        this.markDrawn(values.filter((v) => v !== null && v !== undefined).length);
    }

    async update(model) {
        const sameShape = model.kind === this.model.kind && model.series.length === this.model.series.length;
        this.model = model;
        if (!sameShape) this.data = model.series.map(() => []);
        if (this.chart === null) return;
        await this.rendered;
        await this.chart.updateOptions(toApexOptions(model), false, false);
        if (sameShape && model.kind !== "pie" && model.kind !== "bar") {
            await this.redraw();
        }
    }

    /** Browser tests and people debugging read what is drawn from data-points (count) and data-last-ms (newest point). */
    markDrawn(count, lastMs) {
        this.element.dataset.points = String(count);
        if (lastMs !== undefined) this.element.dataset.lastMs = String(lastMs);
    }

    destroy() {
        this.chart?.destroy();
    }
}

export function create(element, model) {
    const chart = new KessanChart(element, model);
    element.kessanChart = chart;
    return chart;
}
