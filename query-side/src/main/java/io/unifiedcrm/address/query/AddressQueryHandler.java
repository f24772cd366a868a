package io.unifiedcrm.address.query;

import io.unifiedcrm.address.api.AddressView;
import io.unifiedcrm.address.api.FindAddressQuery;
import io.unifiedcrm.address.api.AddressPage;
import io.unifiedcrm.address.api.FindAddressesQuery;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
class AddressQueryHandler {

    private final AddressQueries addresses;

    AddressQueryHandler(AddressQueries addresses) {
        this.addresses = addresses;
    }

    @QueryHandler
    AddressPage handle(FindAddressesQuery query) {
        return addresses.page(query.organizationId(), query.entityType(), query.entityId(), query.after(),
                query.limit());
    }

    @QueryHandler
    Optional<AddressView> handle(FindAddressQuery query) {
        return addresses.byId(query.organizationId(), query.addressId());
    }
}
