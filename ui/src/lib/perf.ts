// Performance marks the bench (`make bench-ui`) reads: the page records
// them with `performance.now()` and exposes them read-only on
// `window.__orgraphPerf`. Recording is a few assignments; nothing is sent
// anywhere.

export interface PerfMarks {
  /** When the workspace's chart data started loading. */
  readonly loadStart: number | null;
  /** When the chart first drew nodes. */
  readonly firstPaint: number | null;
  /** Nodes drawn at first paint. */
  readonly firstPaintNodes: number;
  /** How many frames the chart drew, and the last one's draw time (ms). */
  readonly frames: number;
  readonly lastDrawMs: number;
  /** Nodes on screen in the last frame. */
  readonly lastVisible: number;
  /** When the metrics panel last received new metrics. */
  readonly metricsAt: number | null;
  /** Named steps of the first load (performance.now() when each ended). */
  readonly steps: Readonly<Record<string, number>>;
}

const marks = {
  loadStart: null as number | null,
  firstPaint: null as number | null,
  firstPaintNodes: 0,
  frames: 0,
  lastDrawMs: 0,
  lastVisible: 0,
  metricsAt: null as number | null,
  steps: {} as Record<string, number>,
};

const now = (): number => (typeof performance === "undefined" ? Date.now() : performance.now());

export const perf = {
  loadStart(): void {
    marks.loadStart ??= now();
  },
  drew(nodes: number, ms: number): void {
    marks.frames++;
    marks.lastDrawMs = ms;
    marks.lastVisible = nodes;
    if (marks.firstPaint === null && nodes > 0) {
      marks.firstPaint = now();
      marks.firstPaintNodes = nodes;
    }
  },
  /** Records the end of a load step (the first time only). */
  step(name: string): void {
    marks.steps[name] ??= now();
  },
  metrics(): void {
    marks.metricsAt = now();
  },
  now,
  /** A frozen copy of the marks. */
  snapshot(): PerfMarks {
    return Object.freeze({ ...marks, steps: Object.freeze({ ...marks.steps }) });
  },
};

/** Exposes the marks as a read-only getter on `window.__orgraphPerf`. */
export function exposePerf(target: object): void {
  Object.defineProperty(target, "__orgraphPerf", {
    get: () => perf.snapshot(),
    configurable: false,
    enumerable: false,
  });
}
