import { describe, expect, it } from "vitest";
import { emptyPlanAdvice, planChartData, planRows, totalRows } from "../src/lib/plan";
import { fakePlan } from "./fixtures";

describe("plan shaping", () => {
  it("stacks filled, open and planned per quarter for the chart", () => {
    const data = planChartData(fakePlan());
    expect(data.labels).toHaveLength(8);
    expect(data.labels[0]).toBe("2027-Q1");
    expect(data.labels[4]).toBe("2028-Q1");
    expect(data.series.map((s) => s.key)).toEqual(["filled", "open", "planned"]);
    expect(data.series[0]!.data).toEqual([10, 10, 10, 10, 10, 10, 10, 10]);
    expect(data.series[1]!.data).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(data.series[2]!.data[7]).toBe(2);
    // Each stack adds up to the quarter's total.
    data.labels.forEach((_, i) => {
      const stacked = data.series.reduce((sum, s) => sum + (s.data[i] ?? 0), 0);
      expect(stacked).toBe(fakePlan().total[i]!.total);
    });
    expect(data.max).toBe(19);
  });

  it("draws zeros rather than NaN for a short figure list", () => {
    const plan = { ...fakePlan(), total: fakePlan().total.slice(0, 2) };
    const data = planChartData(plan);
    expect(data.series[0]!.data.slice(2)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it("formats totals, budgets and signed variances", () => {
    const plan = fakePlan();
    const [eng, sales] = planRows(plan.departments, "department");
    expect(eng!.budget).toBe("1,100,000");
    expect(eng!.cells[0]).toEqual({
      total: "10",
      breakdown: "10 filled · 0 open · 0 planned",
      variance: "+100,000",
      over: false,
    });
    expect(eng!.cells[3]!.variance).toBe("−50,001");
    expect(eng!.cells[3]!.over).toBe(true);
    expect(sales!.budget).toBe("");
    expect(sales!.cells[0]!.variance).toBe("");
    const totals = totalRows(plan);
    expect(totals.map((r) => r.key)).toEqual(["filled", "open", "planned", "total", "costTotal"]);
    expect(totals.find((r) => r.key === "costTotal")!.values[1]).toBe("1,050,000");
  });
});

describe("a plan with nothing to plan", () => {
  const flat = () => {
    const plan = fakePlan();
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
    expect(emptyPlanAdvice(fakePlan())).toBeNull();
  });
});

describe("unknowns in the plan", () => {
  it("shows an unknown cost as — and explains the rows without a team or department", () => {
    const plan = fakePlan();
    plan.total = plan.total.map((f) => ({ ...f, costTotal: null }));
    expect(totalRows(plan).find((r) => r.key === "costTotal")!.values[0]).toBe("—");
    const none = { ...plan.departments[1]!, name: "(no department)", unassigned: true };
    const [, row] = planRows([plan.departments[0]!, none], "department");
    expect(row!.note).toContain("whose team has no department");
    expect(planRows([{ ...none, name: "(no team)" }], "team")[0]!.note).toContain("No team");
    expect(planRows(plan.departments, "department")[0]!.note).toBe("");
  });
});
