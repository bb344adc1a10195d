import { describe, expect, it } from "vitest";
import { analysisHeader, type HeaderRow } from "@/lib/analyses/analysis-header";
import { failureFields } from "@/lib/analyses/failure-fields";

const row = (scores: unknown[], scoreValue: number | null, scoreMax: number | null): HeaderRow => ({
  scoresJson: JSON.stringify(scores),
  warningsJson: "[]",
  knowledgeGapsJson: "[]",
  hasDeclaredCounts: false,
  declaredCritical: null,
  declaredHigh: null,
  declaredMedium: null,
  declaredLow: null,
  criticalCount: 0,
  highCount: 0,
  mediumCount: 0,
  lowCount: 0,
  scoreValue,
  scoreMax,
});

describe("analysisHeader", () => {
  it("names the line the training score came from and lists every other score apart from it", () => {
    const header = analysisHeader(
      row(
        [
          { label: "Linter Score", value: 9.51, max: 10, line: 3, kind: "lint" },
          { label: "Training Quality Score", value: 7, max: 10, line: 40, kind: "training" },
          { label: "Score after fixes", value: 9, max: 10, line: 44, kind: "projected" },
        ],
        7,
        10,
      ),
    );
    expect(header.trainingScoreLabel).toBe("Training Quality Score");
    expect(header.otherScores.map((s) => s.label)).toEqual(["Linter Score", "Score after fixes"]);
  });

  it("reads scores stored before kinds existed as training, and has no label without a score", () => {
    expect(analysisHeader(row([{ label: "Training Quality", value: 8, max: 10, line: 9 }], 8, 10)).trainingScoreLabel).toBe(
      "Training Quality",
    );
    const none = analysisHeader(row([{ label: "Code Quality Score", value: 6, max: 10, line: 2, kind: "code-quality" }], null, null));
    expect(none.trainingScoreLabel).toBeNull();
    expect(none.otherScores).toHaveLength(1);
  });
});

describe("failureFields", () => {
  it("reads stored fields and treats bad or empty JSON as none", () => {
    expect(failureFields('[{"label":"Training Value","text":"High"}]')).toEqual([{ label: "Training Value", text: "High", html: null }]);
    expect(failureFields("not json")).toEqual([]);
    expect(failureFields('[{"label":"Lesson","text":"  "}]')).toEqual([]);
    expect(failureFields(null)).toEqual([]);
  });
});
