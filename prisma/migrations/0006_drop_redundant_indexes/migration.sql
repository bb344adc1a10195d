-- Indexes that are a leading prefix of another index answer nothing the longer one does not, and
-- every insert paid for them: (severity) ⊂ (severity, platform), (severityRank) ⊂ (severityRank,
-- analysisId, number), (gapId) ⊂ (gapId, severity, platform, failureId).
DROP INDEX "Failure_severity_idx";
DROP INDEX "Failure_severityRank_idx";
DROP INDEX "FailureGap_gapId_idx";
