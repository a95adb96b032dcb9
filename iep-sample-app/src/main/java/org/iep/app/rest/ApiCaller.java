package org.iep.app.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.function.Function;
import org.iep.api.directory.RegistrationState;
import org.iep.api.directory.User;
import org.iep.api.spi.UserStore;

/** Who an API request acts as: the approved user an {@code Authorization: Bearer <key>} API key stands for. */
public final class ApiCaller implements Function<HttpServletRequest, Optional<User>> {
    private final ApiClients clients;
    private final UserStore users;

    public ApiCaller(ApiClients clients, UserStore users) {
        this.clients = clients;
        this.users = users;
    }

    @Override
    public Optional<User> apply(HttpServletRequest req) {
        String header = req.getHeader("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return Optional.empty();
        }
        return clients.authenticate(header.substring(7).strip())
                .flatMap(c -> users.findByEmail(c.userEmail()))
                .filter(u -> u.state() == RegistrationState.APPROVED);
    }
}
