{
    "name": "Client Relations",
    "summary": "Client files, tiers, visits, complaints, service levels and surveys",
    "version": "19.0.1.0.0",
    "category": "Sales/Client Relations",
    "website": "https://github.com/compliance-suite/compliance-suite",
    "author": "Compliance Suite Contributors",
    "maintainers": [
        "compliance-suite",
    ],
    "license": "AGPL-3",
    "development_status": "Beta",
    "depends": [
        "business_deadline",
        "hr",
        "portal",
        "survey",
        "base_tier_validation",
    ],
    "data": [
        "security/client_relations_groups.xml",
        "security/ir.model.access.csv",
        "security/client_relations_security.xml",
        "data/cr_tier_data.xml",
        "views/res_config_settings_views.xml",
        "views/client_relations_menus.xml",
        "views/res_partner_views.xml",
        "security/cr_portal_security.xml",
        "views/cr_portal_templates.xml",
        "views/cr_sla_compliance_report_views.xml",
        "views/cr_request_backlog_report_views.xml",
    ],
    "demo": [
        "demo/cr_core_demo.xml",
        "demo/cr_portal_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "client_relations/static/tests/tours/**/*",
        ],
    },
    "application": True,
    "installable": True,
}
