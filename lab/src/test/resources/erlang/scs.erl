%% An SCS on Tsp (3GPP TS 29.368) built on Erlang/OTP diameter in its default strict mode, for mtcgate's
%% ErlangTspInteropTest. It connects to the MTC-IWF over TLS at connect with a client certificate, sends two
%% DARs, prints what it decoded (and every decode error diameter found), then answers the DNR that follows.
%%
%% Run: erl -noshell -pa Dir -run scs main Port Dir
%% Dir holds tsp.dia, scs.crt, scs.key and ca.crt. Output lines are read by the Java test:
%%   CONNECTED
%%   DAA ref=R rc=C status=S errors=E
%%   DNR ref=R outcome=O errors=E
%%   DONE
-module(scs).
-export([main/1]).
-export([peer_up/3, peer_down/3, pick_peer/4, prepare_request/3, prepare_retransmit/3,
         handle_answer/4, handle_error/4, handle_request/3]).

-include_lib("diameter/include/diameter.hrl").

-define(SVC, scs).
-define(HOST, "scs1.utility.test").
-define(REALM, "utility.test").
-define(IWF, "mtc-iwf.operator.test").
-define(IWF_REALM, "operator.test").
-define(TSP, 16777309).

main([PortText, Dir]) ->
    try run(list_to_integer(PortText), Dir) of
        ok -> out("DONE"), halt(0)
    catch
        C:E:St -> out(io_lib:format("FAILED ~w:~w ~w", [C, E, St])), halt(1)
    end.

run(Port, Dir) ->
    ok = diameter_make:codec(filename:join(Dir, "tsp.dia"), [{outdir, Dir}]),
    {ok, tsp_dict} = compile:file(filename:join(Dir, "tsp_dict.erl"), [{outdir, Dir}, return_errors]),
    true = code:add_patha(Dir),
    {module, tsp_dict} = code:load_file(tsp_dict),
    {ok, _} = application:ensure_all_started(ssl),
    ok = diameter:start(),
    register(scs_main, self()),
    ok = diameter:start_service(?SVC,
        [{'Origin-Host', ?HOST}, {'Origin-Realm', ?REALM}, {'Vendor-Id', 10415}, {'Product-Name', "erlang-otp-scs"},
         {'Host-IP-Address', [{127,0,0,1}]}, {'Auth-Application-Id', [?TSP]},
         {decode_format, map}, {string_decode, false},
         {application, [{alias, tsp}, {dictionary, tsp_dict}, {module, ?MODULE},
                        %% strict defaults otherwise; answers with decode errors reach handle_answer so they can be shown
                        {answer_errors, callback}, {request_errors, callback}]}]),
    true = diameter:subscribe(?SVC),
    {ok, _} = diameter:add_transport(?SVC,
        {connect, [{transport_module, diameter_tcp},
                   {transport_config, [{raddr, {127,0,0,1}}, {rport, Port}, {ssl_options, true},
                                       {certfile, filename:join(Dir, "scs.crt")},
                                       {keyfile, filename:join(Dir, "scs.key")},
                                       {cacertfile, filename:join(Dir, "ca.crt")},
                                       {verify, verify_peer},
                                       {server_name_indication, ?IWF}]},
                   {connect_timer, 2000}]}),
    receive
        #diameter_event{service = ?SVC, info = {up, _, _, _, _}} -> ok;
        #diameter_event{service = ?SVC, info = {up, _, _, _}} -> ok
    after 20000 -> exit(no_connection)
    end,
    out("CONNECTED"),
    dar(4242, "meter-1@meters.test"),
    dar(4243, "meter-2@meters.test"),
    receive
        {dnr, Ref, Outcome, Errors} ->
            out(io_lib:format("DNR ref=~p outcome=~p errors=~w", [Ref, Outcome, Errors]))
    after 20000 -> exit(no_dnr)
    end,
    %% let the DNA leave before the service goes
    receive after 500 -> ok end,
    diameter:stop_service(?SVC),
    ok.

dar(Ref, ExtId) ->
    Action = [{'External-Identifier', [list_to_binary(ExtId)]},
              {'SCS-Identity', [list_to_binary(?HOST)]},
              {'Reference-Number', Ref},
              {'Action-Type', 1},
              {'Trigger-Data', [[{'Payload', <<"wake-up">>}, {'Priority-Indication', [0]},
                                 {'Application-Port-Identifier', [9200]}]]},
              {'Validity-Time', [300]}],
    Dar = ['DAR', {'Session-Id', diameter:session_id(?HOST)}, {'Auth-Application-Id', ?TSP},
           {'Auth-Session-State', 1}, {'Origin-Host', ?HOST}, {'Origin-Realm', ?REALM},
           {'Destination-Realm', ?IWF_REALM}, {'Device-Action', [Action]}],
    case diameter:call(?SVC, tsp, Dar, [{timeout, 10000}]) of
        #diameter_packet{msg = ['DAA' | Daa], errors = Errors} ->
            Dn = maps:get('Device-Notification', Daa, #{}),
            out(io_lib:format("DAA ref=~p rc=~p status=~p errors=~w",
                              [one(maps:get('Reference-Number', Dn, none)), one(maps:get('Result-Code', Daa, none)),
                               one(maps:get('Request-Status', Dn, none)), Errors]));
        Other ->
            out(io_lib:format("DAA ref=~p failed ~p", [Ref, Other]))
    end.

one([X]) -> X;
one(X) -> X.

out(Line) ->
    io:format("~s~n", [Line]).

%% ---- diameter_app callbacks ----

peer_up(_Svc, _Peer, State) -> State.
peer_down(_Svc, _Peer, State) -> State.
pick_peer([Peer | _], _, _Svc, _State) -> {ok, Peer};
pick_peer([], _, _Svc, _State) -> false.
prepare_request(Packet, _Svc, _Peer) -> {send, Packet}.
prepare_retransmit(Packet, _Svc, _Peer) -> {send, Packet}.
handle_answer(Packet, _Request, _Svc, _Peer) -> Packet.
handle_error(Reason, _Request, _Svc, _Peer) -> {error, Reason}.

handle_request(#diameter_packet{msg = ['DNR' | Dnr], errors = Errors}, _Svc, _Peer) ->
    Dn = maps:get('Device-Notification', Dnr, [#{}]),
    N = one(Dn),
    Ref = one(maps:get('Reference-Number', N, none)),
    Outcome = one(maps:get('Delivery-Outcome', N, none)),
    scs_main ! {dnr, Ref, Outcome, Errors},
    %% A clean DNR gets 2001; one with decode errors gets the first error's code, so the node sees it too.
    Rc = case Errors of [] -> 2001; [{Code, _} | _] -> Code; [Code | _] when is_integer(Code) -> Code end,
    {reply, ['DNA', {'Session-Id', maps:get('Session-Id', Dnr)}, {'Auth-Application-Id', ?TSP},
             {'Auth-Session-State', 1}, {'Origin-Host', ?HOST}, {'Origin-Realm', ?REALM},
             {'Result-Code', [Rc]}]};
handle_request(#diameter_packet{msg = Msg}, _Svc, _Peer) ->
    out(io_lib:format("UNEXPECTED request ~p", [Msg])),
    {answer_message, 3001}.
