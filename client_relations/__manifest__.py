{
    "name": "Client Relations",
    "summary": "Client files, tiers, visits, complaints, service levels and surveys",
    "version": "19.0.1.0.0",
    "category": "Sales/Client Relations",
    "website": "https://github.com/compliance-suite/compliance-suite",
    "author": "Compliance Suite Contributors",
    "maintainers": ["compliance-suite"],
    "license": "AGPL-3",
    "development_status": "Beta",
    "depends": ["business_deadline"],
    "data": ["security/client_relations_groups.xml"],
    "installable": True,
}
