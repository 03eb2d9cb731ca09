import { describe, expect, it } from "vitest";
import { emptyPlanAdvice, planChartData, planRows, totalRows } from "../src/lib/plan";
import type { PlanView } from "../src/generated";
import { answerOf, backendOrg, stateOf } from "./backendFixtures";

/**
 * The backend's plan of the `chart` org from 2027-Q1: 7 filled, an open
 * req from 2027-Q2 and a planned hire from 2027-Q3 (both in Finance);
 * budgets Engineering 600,000 and Finance 400,000.
 */
function backendPlan(): PlanView {
  const org = backendOrg("chart");
  return answerOf(org, stateOf(org, []), "plan");
}

describe("plan shaping", () => {
  it("stacks filled, open and planned per quarter for the chart", () => {
    const data = planChartData(backendPlan());
    expect(data.labels).toHaveLength(8);
    expect(data.labels[0]).toBe("2027-Q1");
    expect(data.labels[4]).toBe("2028-Q1");
    expect(data.series.map((s) => s.key)).toEqual(["filled", "open", "planned"]);
    expect(data.series[0]!.data).toEqual([7, 7, 7, 7, 7, 7, 7, 7]);
    expect(data.series[1]!.data).toEqual([0, 1, 1, 1, 1, 1, 1, 1]);
    expect(data.series[2]!.data).toEqual([0, 0, 1, 1, 1, 1, 1, 1]);
    // Each stack adds up to the quarter's total.
    data.labels.forEach((_, i) => {
      const stacked = data.series.reduce((sum, s) => sum + (s.data[i] ?? 0), 0);
      expect(stacked).toBe(backendPlan().total[i]!.total);
    });
    expect(data.max).toBe(9);
  });

  it("draws zeros rather than NaN for a short figure list", () => {
    const plan = { ...backendPlan(), total: backendPlan().total.slice(0, 2) };
    const data = planChartData(plan);
    expect(data.series[0]!.data.slice(2)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it("formats totals, budgets and signed variances", () => {
    const plan = backendPlan();
    const [none, eng, finance] = planRows(plan.departments, "department");
    expect(eng!.budget).toBe("600,000");
    expect(eng!.cells[0]).toEqual({
      total: "3",
      breakdown: "3 filled · 0 open · 0 planned",
      variance: "+100,000",
      over: false,
    });
    expect(finance!.cells[0]!.variance).toBe("+55,000");
    expect(finance!.cells[1]!.breakdown).toBe("3 filled · 1 open · 0 planned");
    expect(finance!.cells[1]!.variance).toBe("−40,000");
    expect(finance!.cells[1]!.over).toBe(true);
    expect(none!.budget).toBe("");
    expect(none!.cells[0]!.variance).toBe("");
    const totals = totalRows(plan);
    expect(totals.map((r) => r.key)).toEqual(["filled", "open", "planned", "total", "costTotal"]);
    expect(totals.find((r) => r.key === "costTotal")!.values[1]).toBe("1,025,000");
  });
});

describe("a plan with nothing to plan", () => {
  const flat = () => {
    const plan = backendPlan();
    return { ...plan, total: plan.total.map((f) => ({ ...f, open: 0, planned: 0, total: f.filled })) };
  };

  it("says how to add open reqs or planned hires instead of eight identical bars", () => {
    const advice = emptyPlanAdvice(flat());
    expect(advice).toContain("no open reqs or planned hires");
    expect(advice).toContain("today's headcount");
    expect(advice).toContain("Add person");
  });

  it("says people leaving is all there is when headcount falls", () => {
    const plan = flat();
    plan.total = plan.total.map((f, i) => ({ ...f, filled: 10 - i, total: 10 - i }));
    expect(emptyPlanAdvice(plan)).toContain("only shows people leaving");
  });

  it("stays quiet when the plan has vacancies", () => {
    expect(emptyPlanAdvice(backendPlan())).toBeNull();
  });
});

describe("unknowns in the plan", () => {
  it("shows an unknown cost as — and explains the rows without a team or department", () => {
    const plan = backendPlan();
    plan.total = plan.total.map((f) => ({ ...f, costed: 0 }));
    expect(totalRows(plan).find((r) => r.key === "costTotal")!.values[0]).toBe("—");
    const [none, eng] = planRows(plan.departments, "department");
    expect(plan.departments[0]).toMatchObject({ name: "(no department)", unassigned: true });
    expect(none!.note).toContain("whose team has no department");
    expect(plan.teams[0]).toMatchObject({ name: "(no team)", unassigned: true });
    expect(planRows(plan.teams, "team")[0]!.note).toContain("No team");
    expect(eng!.note).toBe("");
  });
});
