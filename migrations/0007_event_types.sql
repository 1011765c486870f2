-- Event types with their ACLED event and sub-event types and CAMEO codes (DESIGN §3), so that exports
-- can be lined up with ACLED and GDELT/POLECAT data. Attacks map by the weapon that carried them.

CREATE TABLE event_types (
    event_type            TEXT NOT NULL,
    weapon                TEXT NOT NULL DEFAULT '',
    description           TEXT NOT NULL,
    acled_event_type      TEXT NOT NULL,
    acled_sub_event_type  TEXT NOT NULL,
    cameo_code            TEXT NOT NULL,
    cameo_label           TEXT NOT NULL,
    PRIMARY KEY (event_type, weapon)
);

INSERT INTO event_types VALUES
('exchange', '', 'Prisoner, civilian or body exchange, or a one-sided release/return of people',
 'Strategic developments', 'Agreement', '0841', 'Return, release person(s)'),
('attack', 'drone', 'Strike wave carried by drones (launched, shot down, hit)',
 'Explosions/Remote violence', 'Air/drone strike', '1952', 'Employ remotely piloted aerial munitions'),
('attack', 'missile', 'Strike wave carried by missiles',
 'Explosions/Remote violence', 'Shelling/artillery/missile attack', '195', 'Employ aerial weapons'),
('attack', '', 'Strike or attack with no weapon figure (casualties, places or targets only)',
 'Explosions/Remote violence', 'Shelling/artillery/missile attack', '190', 'Use conventional military force'),
('talks', '', 'Round of negotiations between parties, with their delegations',
 'Strategic developments', 'Other', '046', 'Engage in negotiation');

-- Each attack report with its ACLED sub-event type and CAMEO code: drones when it counts drones,
-- missiles when it counts only missiles, else the generic attack row.
CREATE VIEW attack_report_types AS
SELECT r.id AS report_id,
       t.acled_event_type, t.acled_sub_event_type, t.cameo_code, t.cameo_label
FROM attack_reports r
JOIN event_types t ON t.event_type = 'attack' AND t.weapon =
     CASE WHEN coalesce(r.drones_launched, r.drones_downed, r.drones_hit) IS NOT NULL THEN 'drone'
          WHEN coalesce(r.missiles_launched, r.missiles_downed, r.missiles_hit) IS NOT NULL THEN 'missile'
          ELSE '' END;

INSERT INTO codebook(object, "column", description) VALUES
('event_types', '', 'Event types with their ACLED event/sub-event types and CAMEO codes.'),
('event_types', 'event_type', 'exchange, attack or talks.'),
('event_types', 'weapon', 'For attacks: drone or missile (empty: any other attack); empty for other types.'),
('event_types', 'description', 'What the type covers.'),
('event_types', 'acled_event_type', 'ACLED event type.'),
('event_types', 'acled_sub_event_type', 'ACLED sub-event type.'),
('event_types', 'cameo_code', 'CAMEO event code.'),
('event_types', 'cameo_label', 'CAMEO event label.'),
('attack_report_types', '', 'Each attack report with the ACLED sub-event type and CAMEO code of its weapon.'),
('attack_report_types', 'report_id', 'attack_reports.id.'),
('attack_report_types', 'acled_event_type', 'ACLED event type.'),
('attack_report_types', 'acled_sub_event_type', 'ACLED sub-event type.'),
('attack_report_types', 'cameo_code', 'CAMEO event code.'),
('attack_report_types', 'cameo_label', 'CAMEO event label.');
