-- Raised by every change to what the appointment books are computed from (the catalogue, sites,
-- zones, counters, opening hours, closing days and rosters), so every node sees at once when the copy it
-- keeps in memory is out of date.
CREATE TABLE config_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO config_version (id, version) VALUES (1, 0);
CREATE TRIGGER departments_insert_raises_config_version AFTER INSERT ON departments BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER departments_update_raises_config_version AFTER UPDATE ON departments BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER departments_delete_raises_config_version AFTER DELETE ON departments BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER rubrics_insert_raises_config_version AFTER INSERT ON rubrics BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER rubrics_update_raises_config_version AFTER UPDATE ON rubrics BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER rubrics_delete_raises_config_version AFTER DELETE ON rubrics BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER products_insert_raises_config_version AFTER INSERT ON products BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER products_update_raises_config_version AFTER UPDATE ON products BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER products_delete_raises_config_version AFTER DELETE ON products BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER sites_insert_raises_config_version AFTER INSERT ON sites BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER sites_update_raises_config_version AFTER UPDATE ON sites BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER sites_delete_raises_config_version AFTER DELETE ON sites BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER zones_insert_raises_config_version AFTER INSERT ON zones BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER zones_update_raises_config_version AFTER UPDATE ON zones BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER zones_delete_raises_config_version AFTER DELETE ON zones BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER opening_hours_insert_raises_config_version AFTER INSERT ON opening_hours BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER opening_hours_update_raises_config_version AFTER UPDATE ON opening_hours BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER opening_hours_delete_raises_config_version AFTER DELETE ON opening_hours BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER closing_rules_insert_raises_config_version AFTER INSERT ON closing_rules BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER closing_rules_update_raises_config_version AFTER UPDATE ON closing_rules BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER closing_rules_delete_raises_config_version AFTER DELETE ON closing_rules BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER date_exceptions_insert_raises_config_version AFTER INSERT ON date_exceptions BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER date_exceptions_update_raises_config_version AFTER UPDATE ON date_exceptions BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER date_exceptions_delete_raises_config_version AFTER DELETE ON date_exceptions BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER roster_insert_raises_config_version AFTER INSERT ON roster BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER roster_update_raises_config_version AFTER UPDATE ON roster BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER roster_delete_raises_config_version AFTER DELETE ON roster BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER roster_exceptions_insert_raises_config_version AFTER INSERT ON roster_exceptions BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER roster_exceptions_update_raises_config_version AFTER UPDATE ON roster_exceptions BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER roster_exceptions_delete_raises_config_version AFTER DELETE ON roster_exceptions BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER roster_exception_blocks_insert_raises_config_version AFTER INSERT ON roster_exception_blocks BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER roster_exception_blocks_update_raises_config_version AFTER UPDATE ON roster_exception_blocks BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER roster_exception_blocks_delete_raises_config_version AFTER DELETE ON roster_exception_blocks BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER counters_insert_raises_config_version AFTER INSERT ON counters BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER counters_update_raises_config_version AFTER UPDATE ON counters BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER counters_delete_raises_config_version AFTER DELETE ON counters BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER counter_products_insert_raises_config_version AFTER INSERT ON counter_products BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER counter_products_update_raises_config_version AFTER UPDATE ON counter_products BEGIN UPDATE config_version SET version = version + 1; END;
CREATE TRIGGER counter_products_delete_raises_config_version AFTER DELETE ON counter_products BEGIN UPDATE config_version SET version = version + 1; END;
