from .common import QualityTrackingCommon


class PrereviewCommon(QualityTrackingCommon):
    """Helpers of the pre-review gate: the intake review filled, the matter in
    contract review, the department head's approved review, a signed contract."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product_category = cls.env.ref(
            "quality_tracking.qt_category_ready_mixed_concrete"
        )
        cls.c25 = cls.env.ref("quality_tracking.qt_strength_grade_c25")
        cls.c30 = cls.env.ref("quality_tracking.qt_strength_grade_c30")
        cls.c35 = cls.env.ref("quality_tracking.qt_strength_grade_c35")

    INTAKE = {
        "intake_capacity_ok": True,
        "intake_integrity_ok": True,
        "intake_conflict_checked": True,
        "intake_competent_handler": True,
    }
    SURVEY = {
        "site_location": "Pudong site 3",
        "quantity": 1200.0,
        "quantity_unit": "m³",
        "technical_requirements": "C30 slabs, C35 columns",
    }

    @classmethod
    def _review_matter(cls, **vals):
        matter = cls._create_matter(**{**cls.INTAKE, **vals})
        matter.action_submit_review()
        return matter

    @classmethod
    def _new_review(cls, matter, **vals):
        return cls.env["qt.contract.review"].create({"matter_id": matter.id, **vals})

    @classmethod
    def _approved_review(cls, matter):
        review = cls._new_review(
            matter,
            materials_result="met",
            quality_result="met",
            inspection_result="met",
        )
        review.with_user(cls.head).action_approve()
        return review

    @classmethod
    def _site_assignment(cls, matter=None, **vals):
        matter = matter or cls._open_matter(
            category_id=cls.product_category.id, **cls.SURVEY
        )
        return cls.env["qt.site.assignment"].create(
            {
                "matter_id": matter.id,
                "name": "3F slab",
                "required_grade_id": cls.c30.id,
                **vals,
            }
        )
