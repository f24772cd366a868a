package io.unifiedcrm.infrastructure.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

    private static final List<GrantedAuthority> ADMIN_AUTHORITIES = List.of(new SimpleGrantedAuthority(ROLE_ADMIN));
    /** By scope set: a few combinations of the known scopes, the only ones a credential carries. */
    private static final Map<Set<String>, List<GrantedAuthority>> ORGANIZATION_AUTHORITIES =
            new ConcurrentHashMap<>();

    private final Caller caller;

    public CallerAuthentication(Caller caller) {
        super(authoritiesOf(caller));
        this.caller = caller;
        setAuthenticated(true);
    }

    private static List<GrantedAuthority> authoritiesOf(Caller caller) {
        return caller instanceof OrganizationCaller organizationCaller
                ? ORGANIZATION_AUTHORITIES.computeIfAbsent(organizationCaller.scopes(),
                        CallerAuthentication::organizationAuthorities)
                : ADMIN_AUTHORITIES;
    }

    private static List<GrantedAuthority> organizationAuthorities(Set<String> scopes) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(ROLE_ORGANIZATION));
        scopes.forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
        return List.copyOf(authorities);
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

    /** The actor, not the caller's {@code toString()} (which Spring would otherwise build for every request). */
    @Override
    public String getName() {
        return caller.actor();
    }
}
