-- Raised by every change to what the appointment books are computed from (the catalogue, sites,
-- zones, counters, opening hours, closing days and rosters), so every node sees at once when the copy it
-- keeps in memory is out of date.
CREATE TABLE config_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO config_version (id, version) VALUES (1, 0);

CREATE FUNCTION raise_config_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE config_version SET version = version + 1;
    RETURN NULL;
END
$$;
CREATE TRIGGER departments_raises_config_version AFTER INSERT OR UPDATE OR DELETE ON departments FOR EACH STATEMENT EXECUTE FUNCTION raise_config_version();
CREATE TRIGGER rubrics_raises_config_version AFTER INSERT OR UPDATE OR DELETE ON rubrics FOR EACH STATEMENT EXECUTE FUNCTION raise_config_version();
CREATE TRIGGER products_raises_config_version AFTER INSERT OR UPDATE OR DELETE ON products FOR EACH STATEMENT EXECUTE FUNCTION raise_config_version();
CREATE TRIGGER sites_raises_config_version AFTER INSERT OR UPDATE OR DELETE ON sites FOR EACH STATEMENT EXECUTE FUNCTION raise_config_version();
CREATE TRIGGER zones_raises_config_version AFTER INSERT OR UPDATE OR DELETE ON zones FOR EACH STATEMENT EXECUTE FUNCTION raise_config_version();
CREATE TRIGGER opening_hours_raises_config_version AFTER INSERT OR UPDATE OR DELETE ON opening_hours FOR EACH STATEMENT EXECUTE FUNCTION raise_config_version();
CREATE TRIGGER closing_rules_raises_config_version AFTER INSERT OR UPDATE OR DELETE ON closing_rules FOR EACH STATEMENT EXECUTE FUNCTION raise_config_version();
CREATE TRIGGER date_exceptions_raises_config_version AFTER INSERT OR UPDATE OR DELETE ON date_exceptions FOR EACH STATEMENT EXECUTE FUNCTION raise_config_version();
CREATE TRIGGER roster_raises_config_version AFTER INSERT OR UPDATE OR DELETE ON roster FOR EACH STATEMENT EXECUTE FUNCTION raise_config_version();
CREATE TRIGGER roster_exceptions_raises_config_version AFTER INSERT OR UPDATE OR DELETE ON roster_exceptions FOR EACH STATEMENT EXECUTE FUNCTION raise_config_version();
CREATE TRIGGER roster_exception_blocks_raises_config_version AFTER INSERT OR UPDATE OR DELETE ON roster_exception_blocks FOR EACH STATEMENT EXECUTE FUNCTION raise_config_version();
CREATE TRIGGER counters_raises_config_version AFTER INSERT OR UPDATE OR DELETE ON counters FOR EACH STATEMENT EXECUTE FUNCTION raise_config_version();
CREATE TRIGGER counter_products_raises_config_version AFTER INSERT OR UPDATE OR DELETE ON counter_products FOR EACH STATEMENT EXECUTE FUNCTION raise_config_version();
