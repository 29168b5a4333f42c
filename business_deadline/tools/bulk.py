from odoo.tools import SQL


def next_ids(model, count):
    """``count`` new ids of ``model``'s table, taken from its sequence in one
    query: the ids a set-based ``INSERT`` gives its rows (in order)."""
    return [
        row[0]
        for row in model.env.execute_query(
            SQL(
                "SELECT nextval(%s) FROM generate_series(1, %s)",
                f"{model._table}_id_seq",
                count,
            )
        )
    ]
