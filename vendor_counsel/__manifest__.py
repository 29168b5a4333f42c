{
    "name": "Outside Counsel",
    "summary": "Outside law firms: panel, engagement, fees, filing, evaluations, "
    "conflicts of interest",
    "version": "19.0.1.0.0",
    "category": "Services/Outside Counsel",
    "website": "https://github.com/compliance-suite/compliance-suite",
    "author": "Compliance Suite Contributors",
    "maintainers": ["compliance-suite"],
    "license": "AGPL-3",
    "development_status": "Beta",
    "depends": [
        "business_deadline",
        "hr",
        "portal",
        "base_tier_validation",
    ],
    "data": [
        "security/vendor_counsel_groups.xml",
        "security/ir.model.access.csv",
        "security/vendor_counsel_security.xml",
        "data/ir_sequence_data.xml",
        "views/res_config_settings_views.xml",
        "views/vendor_counsel_menus.xml",
        # each slice's views (with its menu items under the sections above)
        # --- vc_firms
        "security/vc_panel_security.xml",
        "data/vc_practice_area_data.xml",
        "data/vc_panel_data.xml",
        "views/res_partner_views.xml",
        "views/vc_penalty_views.xml",
        "views/vc_panel_views.xml",
        "views/vc_practice_area_views.xml",
        "views/res_users_views.xml",
        "report/vc_panel_report.xml",
    ],
    "demo": [
        # --- vc_firms
        "demo/vc_firms_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "vendor_counsel/static/tests/tours/**/*",
        ],
    },
    "application": True,
    "installable": True,
}
