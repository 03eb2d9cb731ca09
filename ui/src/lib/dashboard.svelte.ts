// The dashboard view's state: the aggregates of the scenario on show (one
// `dashboard` call, computed in Rust), its snapshot trend, the breakdown's
// grouping and ranking, and the jump from an out-of-band manager to the
// chart. Talks to the backend only through the injected `Platform`.

import type { DashboardQuery, DashboardView, GroupBy, RankBy, SnapshotRow } from "../generated";
import { toAppError } from "./errors";
import { displayName } from "./format";
import type { Platform } from "./platform";
import type { OrgStore, UiError } from "./store.svelte";
import type { TrendKey } from "./dashboard";

/** Choices of how many groups the breakdown lists on their own. */
export const TOP_CHOICES: readonly number[] = [5, 10, 20];

/** Out-of-band managers the dashboard lists (the total is always shown). */
const OUT_OF_BAND_LISTED = 100;

export class DashboardStore {
  data = $state.raw<DashboardView | null>(null);
  snapshots = $state.raw<SnapshotRow[]>([]);
  groupBy = $state<GroupBy>("team");
  rankBy = $state<RankBy>("headcount");
  top = $state(10);
  trend = $state<TrendKey>("people");
  error = $state.raw<UiError | null>(null);

  readonly #platform: Platform;
  readonly #org: OrgStore;
  readonly #showChart: () => void;
  #token = 0;

  /** `showChart` brings the chart view forward (the jump from a list row). */
  constructor(platform: Platform, org: OrgStore, showChart: () => void) {
    this.#platform = platform;
    this.#org = org;
    this.#showChart = showChart;
  }

  request(): DashboardQuery {
    return { group_by: this.groupBy, rank_by: this.rankBy, top: this.top, out_of_band_limit: OUT_OF_BAND_LISTED };
  }

  /**
   * Fetches the figures and the trend of the scenario on show; an answer
   * overtaken by a later load is dropped.
   */
  async load(): Promise<void> {
    const token = ++this.#token;
    try {
      const [data, snapshots] = await Promise.all([
        this.#platform.dashboard(this.request()),
        this.#platform.snapshots(),
      ]);
      if (token !== this.#token) return;
      this.data = data;
      this.snapshots = snapshots;
      this.error = null;
    } catch (e) {
      if (token !== this.#token) return;
      const error = toAppError(e);
      this.error = { code: error.code, message: `The dashboard could not be loaded: ${error.message}` };
    }
  }

  /** Regroups the breakdown (by team or department) and fetches it. */
  async setGroupBy(groupBy: GroupBy): Promise<void> {
    if (groupBy === this.groupBy) return;
    this.groupBy = groupBy;
    await this.load();
  }

  /** Ranks the breakdown by headcount or cost (largest first). */
  async setRankBy(rankBy: RankBy): Promise<void> {
    if (rankBy === this.rankBy) return;
    this.rankBy = rankBy;
    await this.load();
  }

  async setTop(top: number): Promise<void> {
    if (top === this.top) return;
    this.top = top;
    await this.load();
  }

  /**
   * Shows a manager on the chart: switches to the chart view, then selects
   * them and centres the chart on them (expanding collapsed managers above),
   * as choosing a search result does.
   */
  async jumpTo(id: string): Promise<boolean> {
    const node = this.#org.node(id);
    if (!node) {
      // A large org's chart may still be on its way when the figures are in.
      this.error = this.#org.loading
        ? { code: "busy", message: "The chart is still loading; try again in a moment." }
        : { code: "not-found", message: `${id} is no longer in this scenario.` };
      return false;
    }
    this.#showChart();
    await this.#org.select(id, { focus: true });
    this.#org.announcement = `Showing ${displayName(node)} on the chart.`;
    return true;
  }
}
