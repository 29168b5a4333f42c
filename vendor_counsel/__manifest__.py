{
    "name": "Outside Counsel",
    "summary": "Outside law firms: panel, engagement, fees, filing, evaluations",
    "version": "19.0.1.0.0",
    "category": "Services/Outside Counsel",
    "website": "https://github.com/compliance-suite/compliance-suite",
    "author": "Compliance Suite Contributors",
    "maintainers": ["compliance-suite"],
    "license": "AGPL-3",
    "development_status": "Beta",
    "depends": ["business_deadline"],
    "data": ["security/vendor_counsel_groups.xml"],
    "installable": True,
}
