// The chart's first view: which managers to collapse so the chart opens
// (and re-opens after an import) on as many top layers as fit the chart's
// area at a legible zoom. Rust measures the real layout against the room
// (`chart_open_view`); this module only says how much room there is.

import { LEGIBLE_SCALE } from "./lod";
import type { Platform } from "./platform";
import { FIT_PADDING, TOP_INSET } from "./viewport";

export interface Room {
  width: number;
  height: number;
}

/** The sidebar and toolbars' share of the window when the chart has not been measured yet. */
const SIDEBAR = 380;
const TOOLBARS = 120;

/**
 * The pixels a fitted chart may fill: the chart's size less the fit's
 * padding and the toolbars over its top, or an estimate from the window
 * before the chart is measured.
 */
export function roomToFill(chart: Room, windowSize: Room): Room {
  const measured = chart.width > 0 && chart.height > 0;
  const width = measured ? chart.width : windowSize.width - SIDEBAR;
  const height = measured ? chart.height : windowSize.height - TOOLBARS;
  return {
    width: Math.max(200, width - 2 * FIT_PADDING),
    height: Math.max(150, height - 2 * FIT_PADDING - TOP_INSET),
  };
}

/** The managers to collapse for the first view of the org on show. */
export function openViewCollapsed(platform: Platform, chart: Room): Promise<string[]> {
  const windowSize =
    typeof window === "undefined" ? { width: 1280, height: 800 } : { width: window.innerWidth, height: window.innerHeight };
  const room = roomToFill(chart, windowSize);
  return platform.chartOpenView(Math.round(room.width), Math.round(room.height), LEGIBLE_SCALE);
}
