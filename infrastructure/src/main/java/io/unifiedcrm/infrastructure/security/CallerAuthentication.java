package io.unifiedcrm.infrastructure.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A successfully authenticated {@link Caller} with the authorities its credential grants. */
public class CallerAuthentication extends AbstractAuthenticationToken {

    public static final String ROLE_ADMIN = "ROLE_ADMIN";
    public static final String ROLE_ORGANIZATION = "ROLE_ORGANIZATION";
    public static final String CRM_READ = "SCOPE_" + OrganizationCaller.READ;
    public static final String CRM_WRITE = "SCOPE_" + OrganizationCaller.WRITE;
    public static final String CRM_ADMIN = "SCOPE_" + OrganizationCaller.ADMIN;

    private final Caller caller;

    public CallerAuthentication(Caller caller) {
        super(authoritiesOf(caller));
        this.caller = caller;
        setAuthenticated(true);
    }

    private static List<GrantedAuthority> authoritiesOf(Caller caller) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (caller instanceof OrganizationCaller organizationCaller) {
            authorities.add(new SimpleGrantedAuthority(ROLE_ORGANIZATION));
            organizationCaller.scopes().forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
        } else {
            authorities.add(new SimpleGrantedAuthority(ROLE_ADMIN));
        }
        return authorities;
    }

    public Caller caller() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return caller;
    }
}
