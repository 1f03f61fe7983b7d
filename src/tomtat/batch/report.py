"""The closing report of a batch run: what was done, skipped and failed, and why."""

from __future__ import annotations

from dataclasses import dataclass, field

from tomtat.io.wording import counted


@dataclass
class Report:
    """Counts of one run. ``failures`` holds one message per failed line, naming the
    file and line number and the reason; ``duplicates`` counts the lines whose cluster
    id repeats an earlier line of the input (they are among the failures)."""

    done: int = 0
    skipped: int = 0
    failures: list[str] = field(default_factory=list)
    duplicates: int = 0
    articles: int = 0
    seconds: float = 0.0
    truncated: bool = False

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def ok(self) -> bool:
        return not self.failures

    def summary_line(self, output: str) -> str:
        rate = self.done / self.seconds if self.seconds > 0 else 0.0
        parts = [
            f"{self.done} done ({rate:.1f} clusters/s, {counted(self.articles, 'article')})",
            f"{self.skipped} skipped (already in {output})",
            f"{self.failed} failed" + (f" ({self.duplicates} duplicate ids)" if self.duplicates else ""),
        ]
        return "batch: " + ", ".join(parts)

    def lines(self, output: str, limit: int = 20) -> list[str]:
        """The report as lines for stderr: the counts, then the first ``limit`` failures."""
        out = [self.summary_line(output)]
        for reason in self.failures[:limit]:
            out.append(f"  failed: {reason}")
        if self.failed > limit:
            out.append(f"  ... and {self.failed - limit} more failures (each was reported above)")
        return out
