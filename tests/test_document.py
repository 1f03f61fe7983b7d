"""Stage contracts: a stage sees only what it declared, and the table is in order."""

import pytest

from tomtat import pipeline
from tomtat.document import ContractError, Document, Field, Stage, StageView, check_order, run

A: Field[int] = Field("a")
B: Field[int] = Field("b")


def test_a_stage_that_reads_what_it_did_not_require_is_stopped():
    doc = Document([(A, 1)])
    sneaky = Stage("sneaky", (), (B,), lambda v: v.set(B, v.get(A)))
    with pytest.raises(ContractError, match="'sneaky' reads 'a' without requiring it"):
        run([sneaky], doc)


def test_a_stage_that_writes_what_it_did_not_declare_is_stopped():
    stage = Stage("writer", (A,), (), lambda v: v.set(B, v.get(A)))
    with pytest.raises(ContractError, match="assigns 'b' without declaring it"):
        stage.run(StageView(Document([(A, 1)]), stage))


def test_a_stage_that_forgets_what_it_promised_is_stopped():
    with pytest.raises(ContractError, match="did not assign b"):
        run([Stage("lazy", (A,), (B,), lambda v: None)], Document([(A, 1)]))


def test_stages_out_of_order_are_refused_before_anything_runs():
    double = Stage("double", (B,), (A,), lambda v: None)
    with pytest.raises(ContractError, match="'double' requires b"):
        check_order([double], [])
    with pytest.raises(ContractError, match="assigns a again"):
        check_order([double], [A, B])


def test_the_pipeline_table_reads_only_what_earlier_stages_add():
    for stages in (pipeline.STAGES, pipeline.STAGES_WITHOUT_STORY):
        check_order(stages, pipeline.INPUTS)
        assert [s.name for s in stages] == [
            "clean", "split", "tokenize", "represent", "limits", "story", "parts", "select", "order", "compose"
        ]
