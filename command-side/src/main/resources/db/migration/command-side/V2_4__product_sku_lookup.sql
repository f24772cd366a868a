-- One product per SKU (any case) per organization, claimed with the event that creates the product.
CREATE TABLE commerce.product_sku_lookup (
    organization_id UUID NOT NULL,
    sku             TEXT NOT NULL,
    product_id      UUID NOT NULL,
    CONSTRAINT product_sku_lookup_pk PRIMARY KEY (organization_id, sku)
);
