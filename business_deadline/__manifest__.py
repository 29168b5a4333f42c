{
    "name": "Business Deadlines",
    "summary": "Working calendars with make-up days; one deadline engine for all",
    "version": "19.0.1.0.0",
    "category": "Productivity",
    "website": "https://github.com/compliance-suite/compliance-suite",
    "author": "Compliance Suite Contributors",
    "maintainers": ["compliance-suite"],
    "license": "AGPL-3",
    "development_status": "Beta",
    "depends": ["mail", "resource"],
    "data": ["security/business_deadline_groups.xml"],
    "installable": True,
}
