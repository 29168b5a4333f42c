import { registry } from "@web/core/registry";

// A salesperson who heads the sales department records a quality tracking of a
// customer (the five checks), submits it and forwards it to the quality department.
registry.category("web_tour.tours").add("qt_tracking_record_tour", {
    steps: () => [
        {
            content: "Choose the customer",
            trigger: ".o_field_widget[name='partner_id'] input",
            run: "edit 巡检客户",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(巡检客户)",
            run: "click",
        },
        {
            content: "Choose the sales department (its head receives the record)",
            trigger: ".o_field_widget[name='department_id'] input",
            run: "edit 巡检销售部",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(巡检销售部)",
            run: "click",
        },
        {
            content: "Process and technology: yes",
            trigger: ".o_field_widget[name='check_process'] input[data-value='yes']",
            run: "click",
        },
        {
            content: "Quality: yes",
            trigger: ".o_field_widget[name='check_quality'] input[data-value='yes']",
            run: "click",
        },
        {
            content: "Delivery on time: yes",
            trigger: ".o_field_widget[name='check_delivery'] input[data-value='yes']",
            run: "click",
        },
        {
            content: "Service: yes",
            trigger: ".o_field_widget[name='check_service'] input[data-value='yes']",
            run: "click",
        },
        {
            content: "Complaints: not applicable",
            trigger: ".o_field_widget[name='check_complaint'] input[data-value='na']",
            run: "click",
        },
        {
            content: "Submit to the sales head",
            trigger: ".o_form_view button[name='action_submit']",
            run: "click",
        },
        {
            content: "Forward to the quality department",
            trigger: ".o_form_view button[name='action_forward']",
            run: "click",
        },
        {
            content: "The record is with the quality department, its clock running",
            trigger: ".o_form_view button[name='action_resolve']",
        },
        {
            content: "Open the quality department's page",
            trigger: ".o_notebook_headers a[name='quality']",
            run: "click",
        },
        {
            content: "The resolution due date is set",
            trigger: ".o_form_view .o_field_widget[name='resolve_due'] span:not(:empty)",
        },
    ],
});
