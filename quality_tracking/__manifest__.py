{
    "name": "Quality Tracking",
    "summary": "Quality tracking: pre-review, supervision, feedback, CAPA",
    "version": "19.0.1.0.0",
    "category": "Services/Quality Tracking",
    "website": "https://github.com/compliance-suite/compliance-suite",
    "author": "Compliance Suite Contributors",
    "maintainers": ["compliance-suite"],
    "license": "AGPL-3",
    "development_status": "Beta",
    "depends": ["business_deadline"],
    "data": ["security/quality_tracking_groups.xml"],
    "installable": True,
}
