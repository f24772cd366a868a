-- Customer numbers are allocated per organization on the command side, in the transaction of the event that
-- carries them (CommerceCustomerCreatedEvent), so they are unique and a failed command leaves no gap.
CREATE SCHEMA IF NOT EXISTS commerce;

CREATE TABLE commerce.customer_number_counter (
    organization_id UUID   NOT NULL,
    last_number     BIGINT NOT NULL,
    CONSTRAINT customer_number_counter_pk PRIMARY KEY (organization_id)
);
